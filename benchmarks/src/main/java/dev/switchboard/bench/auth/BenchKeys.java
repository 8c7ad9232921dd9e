package dev.switchboard.bench.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A throw-away RSA key pair made when a benchmark run starts (never committed): the public half goes to the
 * gateway (MP_JWT_VERIFY_PUBLICKEY_LOCATION), the private half stays with the load generator, which signs tokens.
 */
public final class BenchKeys {
    public static final String PUBLIC_PEM = "public.pem";
    public static final String PRIVATE_PEM = "private.pem";

    private BenchKeys() {
    }

    public static void generate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve(PUBLIC_PEM), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path priv = dir.resolve(PRIVATE_PEM);
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the key is throw-away anyway
        }
    }

    public static PrivateKey loadPrivate(Path pemFile) throws IOException, GeneralSecurityException {
        String body = Files.readString(pemFile, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
