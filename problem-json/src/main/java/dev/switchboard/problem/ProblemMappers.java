package dev.switchboard.problem;

import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Every error of every HTTP endpoint leaves as application/problem+json. Unexpected failures are logged here with
 * their stack trace and answered with a generic 500: no stack trace or exception text reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(Problem.of(e.status(), e.code(), e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        return respond(Problem.of(400, "bad_request", detail).withViolations(violations), request);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        return respond(Problem.of(400, "bad_request", "The request body is not valid JSON of the expected shape"), request);
    }

    /**
     * quarkus-rest-jackson maps a body of the wrong JSON shape ({"seq":"x"}) itself, as plain JSON; this more specific
     * mapper of ours keeps it problem+json.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String detail = status >= 500 ? "The server could not complete the request" : e.getMessage();
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d on %s", status, request.path());
        }
        return respond(Problem.of(status, ProblemCodes.code(status), detail), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return respond(Problem.of(500, "internal", "The server could not complete the request"), request);
    }

    private static Response respond(Problem problem, HttpServerRequest request) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(request.path()))
                .build();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "publish.arg1.data.text" -> "data.text": clients know their body, not our method names.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length > 2 && parts[1].startsWith("arg")) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts.length == 2 ? parts[1] : path;
    }
}
