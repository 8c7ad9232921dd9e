package dev.switchboard.gateway.protocol;

import org.jboss.logging.Logger;

/**
 * A refusal with a protocol error code and a message fit for clients (never a stack trace). Core services fail with
 * it; each transport renders it (an error frame, a problem+json body).
 */
public class ProtocolException extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(ProtocolException.class);

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ProtocolException badRequest(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }

    public static ProtocolException forbidden(String message) {
        return new ProtocolException(ErrorCode.FORBIDDEN, message);
    }

    public static ProtocolException unavailable(String message) {
        return new ProtocolException(ErrorCode.UNAVAILABLE, message);
    }

    /**
     * Any failure as a protocol error: unexpected ones become internal, without their text for the client; the
     * operator gets it in the log, with the stack trace.
     */
    public static ProtocolException of(Throwable failure) {
        if (failure instanceof ProtocolException protocol) {
            return protocol;
        }
        LOG.error("Unexpected failure, answered as internal", failure);
        return new ProtocolException(ErrorCode.INTERNAL, "The server could not complete the request");
    }
}
