package dev.switchboard.bench.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * RS256 tokens for benchmark users "bench-0" .. "bench-(n-1)". An RSA signature costs about a millisecond, so
 * tokens are signed once per user and reused by every connection of that user (many connections per user is
 * normal for the gateway: presence counts a user once).
 */
public final class TokenPool {
    private final String[] tokens;

    public TokenPool(PrivateKey key, String issuer, int users, long ttlSeconds) throws GeneralSecurityException {
        tokens = new String[users];
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < users; i++) {
            tokens[i] = sign(key, "{\"iss\":\"" + issuer + "\",\"sub\":\"" + userId(i) + "\",\"upn\":\"" + userId(i)
                    + "\",\"groups\":[\"user\"],\"iat\":" + (now - 5) + ",\"exp\":" + (now + ttlSeconds) + "}");
        }
    }

    public static String userId(int i) {
        return "bench-" + i;
    }

    public int users() {
        return tokens.length;
    }

    /** The token of the user that connection number i acts as. */
    public String forConnection(int i) {
        return tokens[i % tokens.length];
    }

    private static String sign(PrivateKey key, String claimsJson) throws GeneralSecurityException {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(claimsJson.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64(rsa.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
