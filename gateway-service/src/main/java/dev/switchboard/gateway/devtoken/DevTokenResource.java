package dev.switchboard.gateway.devtoken;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.switchboard.contracts.Ids;
import dev.switchboard.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /dev/token?user=alice[&publisher=true]: a signed RS256 token for local runs. Answers 404 unless
 * switchboard.dev-token.enabled (never on by default in %prod).
 */
@Path("/dev/token")
public class DevTokenResource {

    private final DevTokenConfig config;
    private final Optional<String> verifyIssuer;

    public DevTokenResource(DevTokenConfig config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> verifyIssuer) {
        this.config = config;
        this.verifyIssuer = verifyIssuer;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> token(@QueryParam("user") String user, @QueryParam("publisher") boolean publisher) {
        if (!config.enabled()) {
            throw ProblemException.notFound("Not found");
        }
        if (!Ids.isValid(user)) {
            throw ProblemException.badRequest("user must match " + Ids.ID_PATTERN);
        }
        long now = System.currentTimeMillis() / 1000;
        long exp = now + config.lifetime().toSeconds();
        String issuer = config.issuer().or(() -> verifyIssuer).orElse("switchboard-dev");
        String token;
        try {
            token = Jwt.issuer(issuer).subject(user).upn(user)
                    .groups(publisher ? Set.of("user", "publisher") : Set.of("user"))
                    .issuedAt(now).expiresAt(exp)
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
        } catch (RuntimeException e) {
            throw new ProblemException(503, "unavailable",
                    "No signing key: set smallrye.jwt.sign.key.location (the run script generates .run/keys)");
        }
        return Map.of("token", token, "userId", user, "expiresAt", exp);
    }
}
