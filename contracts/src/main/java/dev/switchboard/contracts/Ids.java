package dev.switchboard.contracts;

/** The identifier grammar of protocol-v1: room ids, symbols and user ids in channel names. */
public final class Ids {

    /** `{id}` and `{symbol}` in channel names. */
    public static final String ID_PATTERN = "[A-Za-z0-9_.-]{1,128}";

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(ID_PATTERN);
    }
}
