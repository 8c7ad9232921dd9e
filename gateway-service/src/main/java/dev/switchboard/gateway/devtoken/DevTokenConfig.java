package dev.switchboard.gateway.devtoken;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The dev-only token endpoint. Off unless enabled: application.properties turns it on in %dev only; the local run
 * script enables it explicitly (SWITCHBOARD_DEV_TOKEN_ENABLED=true) together with the key pair it generates into
 * .run/keys (smallrye.jwt.sign.key.location for signing, mp.jwt.verify.publickey.location for verifying).
 */
@ConfigMapping(prefix = "switchboard.dev-token")
public interface DevTokenConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("1h")
    Duration lifetime();

    /** The iss claim; defaults to mp.jwt.verify.issuer so the gateway accepts what it issues. */
    Optional<String> issuer();
}
