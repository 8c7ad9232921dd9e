package dev.switchboard.problem;

/** Maps HTTP statuses to protocol-v1 error codes and RFC 9110 reason phrases. */
public final class ProblemCodes {

    private ProblemCodes() {
    }

    public static String code(int status) {
        return switch (status) {
            case 400, 405, 406, 415, 422 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 429 -> "rate_limited";
            case 503, 504 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
