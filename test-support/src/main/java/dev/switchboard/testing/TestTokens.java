package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An RSA key pair made for one test JVM, and RS256 JWTs signed with it, so tests verify real signatures with the
 * gateway's real SmallRye JWT configuration. Nothing secret is committed: the key exists only while tests run.
 */
public final class TestTokens {

    public static final String ISSUER = "https://switchboard.test";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;
    private static Path publicKeyFile;
    private static Path privateKeyFile;

    private TestTokens() {
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    /** A PEM file with the public key, for mp.jwt.verify.publickey.location. */
    public static synchronized Path publicKeyPem() {
        if (publicKeyFile == null) {
            publicKeyFile = pemFile("PUBLIC KEY", keys().getPublic().getEncoded());
        }
        return publicKeyFile;
    }

    /** A PEM file with the private key (PKCS#8), for smallrye.jwt.sign.key.location of a token-issuing endpoint. */
    public static synchronized Path privateKeyPem() {
        if (privateKeyFile == null) {
            privateKeyFile = pemFile("PRIVATE KEY", keys().getPrivate().getEncoded());
        }
        return privateKeyFile;
    }

    private static Path pemFile(String label, byte[] der) {
        try {
            Path file = Files.createTempFile("switchboard-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway settings that make it trust these tokens. */
    public static Map<String, String> gatewayConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKeyPem().toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER);
    }

    /** A valid token for that user, an hour long. */
    public static String forUser(String userId) {
        return sign(claims(userId, Instant.now().plusSeconds(3600), List.of("user")));
    }

    /** A valid token with the publisher role (backend publishers may post to tickers). */
    public static String publisher(String userId) {
        return sign(claims(userId, Instant.now().plusSeconds(3600), List.of("user", "publisher")));
    }

    public static String expiringAt(String userId, Instant exp) {
        return sign(claims(userId, exp, List.of("user")));
    }

    public static Map<String, Object> claims(String userId, Instant exp, List<String> groups) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        if (userId != null) {
            claims.put("sub", userId);
            claims.put("upn", userId);
        }
        claims.put("groups", groups);
        claims.put("iat", Instant.now().getEpochSecond() - 5);
        claims.put("exp", exp.getEpochSecond());
        return claims;
    }

    /** Signs any claims with the test key, RS256. */
    public static String sign(Map<String, Object> claims) {
        try {
            String header = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys().getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
