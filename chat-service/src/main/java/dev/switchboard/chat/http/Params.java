package dev.switchboard.chat.http;

import dev.switchboard.contracts.Ids;
import dev.switchboard.problem.ProblemException;

/** Parsing of path and query parameters into 400 problems a client can act on. */
public final class Params {

    /** Header in which the gateway names the (already authenticated) acting user. */
    public static final String USER_HEADER = "X-Switchboard-User";

    private Params() {
    }

    public static String id(String name, String value) {
        if (!Ids.isValid(value)) {
            throw ProblemException.badRequest(name + " must match " + Ids.ID_PATTERN);
        }
        return value;
    }

    /** The acting user; 401 when the gateway did not name one. */
    public static String user(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(401, "unauthorized", USER_HEADER + " is required");
        }
        return id(USER_HEADER, header);
    }

    /** The acting user if the gateway named one (anonymous reads of public rooms). */
    public static String optionalUser(String header) {
        return header == null || header.isBlank() ? null : id(USER_HEADER, header);
    }

    /** A whole number of at least {@code min}, or {@code fallback} when absent. */
    public static Long number(String name, String value, long min, Long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number");
        }
        if (parsed < min) {
            throw ProblemException.badRequest(name + " must be at least " + min);
        }
        return parsed;
    }

    /** A page size: at least 1, and capped (not refused) above {@code max}. */
    public static int limit(String value, int fallback, int max) {
        return (int) Math.min(number("limit", value, 1, (long) fallback), max);
    }
}
