package dev.switchboard.gateway.protocol;

/** The error codes of protocol-v1, shared by every transport. */
public enum ErrorCode {
    BAD_REQUEST("bad_request"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not_found"),
    RATE_LIMITED("rate_limited"),
    TOO_LARGE("too_large"),
    UNAVAILABLE("unavailable"),
    INTERNAL("internal");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The HTTP status a REST or SSE transport answers for this code. */
    public int httpStatus() {
        return switch (this) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /** A code from another service (ChatReply.code); unknown ones become internal. */
    public static ErrorCode fromWire(String code) {
        for (ErrorCode value : values()) {
            if (value.wire.equals(code)) {
                return value;
            }
        }
        return INTERNAL;
    }
}
