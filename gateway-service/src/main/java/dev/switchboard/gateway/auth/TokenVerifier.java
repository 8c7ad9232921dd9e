package dev.switchboard.gateway.auth;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.Ids;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies bearer tokens with SmallRye JWT's standard configuration (mp.jwt.verify.publickey.location or a JWKS URL,
 * mp.jwt.verify.issuer), so operators plug in their identity provider's key. Only RS256 (SmallRye's default
 * mp.jwt.verify.publickey.algorithm) is accepted, and the token must carry a sub that is a valid user id.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    private final JWTParser parser;

    public TokenVerifier(JWTParser parser) {
        this.parser = parser;
    }

    /**
     * The identity the token proves, or an unauthorized ProtocolException. Runs on a worker thread: the first use may
     * read the key file or fetch a JWKS.
     */
    public Uni<Identity> verify(String token) {
        return Uni.createFrom().item(() -> verifyNow(token)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    Identity verifyNow(String token) {
        if (token == null || token.isBlank()) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "A token is required");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token.strip());
        } catch (ParseException e) {
            LOG.debugf(e, "Token rejected: %s", e.getMessage());
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired");
        } catch (RuntimeException e) {
            LOG.warnf("Token verification failed: %s", e.toString());
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "The token could not be verified");
        }
        String sub = jwt.getSubject();
        if (!Ids.isValid(sub)) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "The token must carry a sub matching " + Ids.ID_PATTERN);
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(new HashSet<>(jwt.getGroups()));
        long exp = jwt.getExpirationTime() <= 0 ? Long.MAX_VALUE : jwt.getExpirationTime() * 1000L;
        return new Identity(sub, groups, exp);
    }
}
