package dev.switchboard.presence.topology;

import java.util.List;

/**
 * Composite store keys. Parts are joined with NUL, which no accepted id contains and which sorts before every other
 * character, so a prefix scan on "a" + NUL finds exactly the keys whose first part is "a".
 */
public final class StoreKeys {

    public static final char SEPARATOR = '\u0000';

    private StoreKeys() {
    }

    public static String of(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    /** The prefix of every key whose first parts are {@code parts}. */
    public static String prefix(String... parts) {
        return of(parts) + SEPARATOR;
    }

    public static List<String> split(String key) {
        return List.of(key.split(String.valueOf(SEPARATOR), -1));
    }

    public static String last(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }
}
