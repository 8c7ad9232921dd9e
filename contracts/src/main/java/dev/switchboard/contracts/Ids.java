package dev.switchboard.contracts;

/** The identifier grammar of protocol-v1: room ids, symbols and user ids in channel names. */
public final class Ids {

    public static final int MAX_LENGTH = 128;
    /** `{id}` and `{symbol}` in channel names. */
    public static final String ID_PATTERN = "[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}";

    private Ids() {
    }

    /**
     * Whether {@code id} matches {@link #ID_PATTERN}. Checked by hand, not with String.matches: it runs for every
     * event a service reads, and matches() compiles the pattern on each call.
     */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }
}
