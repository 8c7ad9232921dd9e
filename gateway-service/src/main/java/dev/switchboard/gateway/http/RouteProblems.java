package dev.switchboard.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refusals on the plain Vert.x routes (WebSocket upgrade, SSE), which JAX-RS exception mappers never see: the same
 * problem+json as {@link ProtocolProblemMapper} writes for the REST API.
 */
@ApplicationScoped
public class RouteProblems {

    private final ObjectMapper json;

    public RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    /** Answers the request with the problem, unless a response has already started. */
    public void refuse(RoutingContext routing, ProtocolException problem) {
        HttpServerResponse response = routing.response();
        if (response.headWritten() || response.closed()) {
            return;
        }
        Problem body = ProtocolProblemMapper.problem(problem, routing.request().path());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{}";
        }
        response.setStatusCode(body.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.code() == ErrorCode.UNAUTHORIZED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(text);
    }
}
