package dev.switchboard.bench.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * RS256 tokens for benchmark users "bench-0" .. "bench-(n-1)"; connection i acts as user i mod n. An RSA
 * signature costs about a millisecond, so a user's token is signed when first needed and then reused by every
 * connection of that user. The gateway allows a few connections per user (20 by default), so n must be at
 * least connections / that limit.
 */
public final class TokenPool {
    private final PrivateKey key;
    private final String issuer;
    private final long expiresAt;
    private final long issuedAt;
    private final AtomicReferenceArray<String> tokens;

    public TokenPool(PrivateKey key, String issuer, int users, long ttlSeconds) {
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1");
        }
        this.key = key;
        this.issuer = issuer;
        this.issuedAt = Instant.now().getEpochSecond() - 5;
        this.expiresAt = issuedAt + 5 + ttlSeconds;
        this.tokens = new AtomicReferenceArray<>(users);
    }

    public static String userId(int i) {
        return "bench-" + i;
    }

    public int users() {
        return tokens.length();
    }

    /** The token of the user that connection number i acts as. */
    public String forConnection(int i) {
        int user = i % tokens.length();
        String token = tokens.get(user);
        if (token == null) {
            token = sign("{\"iss\":\"" + issuer + "\",\"sub\":\"" + userId(user) + "\",\"upn\":\"" + userId(user)
                    + "\",\"groups\":[\"user\"],\"iat\":" + issuedAt + ",\"exp\":" + expiresAt + "}");
            tokens.compareAndSet(user, null, token);
        }
        return tokens.get(user);
    }

    private String sign(String claimsJson) {
        try {
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64(claimsJson.getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a benchmark token", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
