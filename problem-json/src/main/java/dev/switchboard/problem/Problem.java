package dev.switchboard.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem details body. {@code code} carries the protocol-v1 error code (bad_request, forbidden, ...) so
 * HTTP clients and WebSocket clients see the same vocabulary.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @RegisterForReflection
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem("about:blank", ProblemCodes.title(status), status, detail, null, code, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, violations);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, code, list);
    }
}
