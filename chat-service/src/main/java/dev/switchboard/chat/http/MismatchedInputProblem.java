package dev.switchboard.chat.http;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.switchboard.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * quarkus-rest-jackson has its own mapper for a body of the wrong JSON shape ({"seq":"x"}), more specific than the
 * shared JsonProcessingException one, and it answers plain JSON. This hands that case to the shared problem mapper.
 * (It belongs in problem-json; reported to the lead.)
 */
public class MismatchedInputProblem {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return problems.unreadable(e, request);
    }
}
