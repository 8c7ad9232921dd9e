package dev.switchboard.gateway.http;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * The core services fail with a {@link ProtocolException} (the code a WebSocket error frame carries); over HTTP the
 * same refusal is RFC 9457 problem+json with the code's status, so every transport speaks one error vocabulary.
 */
public class ProtocolProblemMapper {

    @ServerExceptionMapper
    public Response protocol(ProtocolException e, HttpServerRequest request) {
        Problem problem = problem(e, request.path());
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.code() == ErrorCode.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    public static Problem problem(ProtocolException e, String path) {
        return Problem.of(e.code().httpStatus(), e.code().wire(), e.getMessage()).withInstance(path);
    }
}
