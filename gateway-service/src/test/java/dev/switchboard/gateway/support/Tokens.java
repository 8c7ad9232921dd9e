package dev.switchboard.gateway.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.switchboard.testing.TestTokens;

/**
 * Tokens signed with the key the running gateway trusts. TestTokens keeps its key pair in static fields, and Quarkus
 * loads the test resource (which publishes the public key) and the test class in different class loaders, so each
 * would have its own pair; {@link GatewayTestResource} therefore shares its signer through a JVM-wide system property
 * (JDK types only) and tests sign through it.
 */
public final class Tokens {

    static final String SIGNER_PROPERTY = "switchboard.test.jwt.signer";

    private Tokens() {
    }

    static void publishSigner() {
        Function<Map<String, Object>, String> signer = TestTokens::sign;
        System.getProperties().put(SIGNER_PROPERTY, signer);
    }

    @SuppressWarnings("unchecked")
    public static String sign(Map<String, Object> claims) {
        Object signer = System.getProperties().get(SIGNER_PROPERTY);
        if (signer instanceof Function<?, ?> function) {
            return ((Function<Map<String, Object>, String>) function).apply(claims);
        }
        return TestTokens.sign(claims);
    }

    public static String forUser(String userId) {
        return sign(TestTokens.claims(userId, Instant.now().plusSeconds(3600), List.of("user")));
    }

    public static String publisher(String userId) {
        return sign(TestTokens.claims(userId, Instant.now().plusSeconds(3600), List.of("user", "publisher")));
    }

    public static String expiringAt(String userId, Instant exp) {
        return sign(TestTokens.claims(userId, exp, List.of("user")));
    }
}
