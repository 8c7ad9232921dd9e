package dev.switchboard.bench.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenPoolTest {

    @Test
    void tokensAreRs256SignedWithTheGeneratedKeyAndCarryTheSubject(@TempDir Path dir) throws Exception {
        BenchKeys.generate(dir);
        TokenPool pool = new TokenPool(BenchKeys.loadPrivate(dir.resolve(BenchKeys.PRIVATE_PEM)), "https://iss", 3, 60);
        String token = pool.forConnection(4);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"bench-1\""), claims);
        assertTrue(claims.contains("\"iss\":\"https://iss\""), claims);
        assertTrue(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).contains("RS256"));

        String pem = Files.readString(dir.resolve(BenchKeys.PUBLIC_PEM)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(pub);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
    }
}
