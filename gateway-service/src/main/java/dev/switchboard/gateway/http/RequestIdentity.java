package dev.switchboard.gateway.http;

import java.util.List;

import dev.switchboard.gateway.auth.Identity;
import dev.switchboard.gateway.auth.TokenVerifier;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.Channel;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who makes an HTTP request: the bearer token of the Authorization header, or ?access_token= (a browser's EventSource
 * cannot set headers), verified by the same {@link TokenVerifier} as WebSocket tokens.
 */
@ApplicationScoped
public class RequestIdentity {

    private static final String BEARER = "Bearer ";

    private final TokenVerifier tokens;
    private final boolean anonymousTickers;

    public RequestIdentity(TokenVerifier tokens, GatewayConfig config) {
        this.tokens = tokens;
        this.anonymousTickers = config.auth().anonymousTickers();
    }

    /** The verified identity, or an unauthorized failure. */
    public Uni<Identity> require(HttpServerRequest request) {
        String token = tokenOf(request);
        if (token == null) {
            return Uni.createFrom().failure(new ProtocolException(ErrorCode.UNAUTHORIZED,
                    "A token is required: Authorization: Bearer <jwt> or ?access_token=<jwt>"));
        }
        return tokens.verify(token);
    }

    /** Like {@link #require}, but anonymous when no token is given, only tickers are read and that is allowed. */
    public Uni<Identity> forReading(HttpServerRequest request, List<Channel> channels) {
        boolean onlyTickers = channels.stream().allMatch(channel -> channel.kind() == Channel.Kind.TICKER);
        if (tokenOf(request) == null && anonymousTickers && onlyTickers) {
            return Uni.createFrom().item(Identity.anonymous());
        }
        return require(request);
    }

    static String tokenOf(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }
        String query = request.getParam("access_token");
        return query == null || query.isBlank() ? null : query;
    }
}
