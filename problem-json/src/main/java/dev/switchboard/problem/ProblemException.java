package dev.switchboard.problem;

/** Thrown by resources to answer with a specific problem; turned into problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;

    public ProblemException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public ProblemException(int status, String detail) {
        this(status, ProblemCodes.code(status), detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
