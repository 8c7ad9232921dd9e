package dev.switchboard.bench.load;

/**
 * Reads single fields out of a JSON frame without building a tree: the generator reads hundreds of
 * thousands of frames a second on one core, and only ever needs a type, an id, a seq or a timestamp.
 * Keys are matched with their quotes, so "t0" never matches "text" or "ts".
 */
public final class Frames {
    private Frames() {
    }

    public static String string(String json, String key) {
        int at = valueStart(json, key);
        if (at < 0 || at >= json.length() || json.charAt(at) != '"') {
            return null;
        }
        int end = json.indexOf('"', at + 1);
        return end < 0 ? null : json.substring(at + 1, end);
    }

    /** The number after the key, or Long.MIN_VALUE if the key is absent or not a number. */
    public static long number(String json, String key) {
        int at = valueStart(json, key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        boolean negative = at < json.length() && json.charAt(at) == '-';
        int i = negative ? at + 1 : at;
        long v = 0;
        int digits = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            i++;
            digits++;
        }
        if (digits == 0) {
            return Long.MIN_VALUE;
        }
        return negative ? -v : v;
    }

    /** A JSON number that may be written as a decimal or with an exponent (1.23456789E8); NaN if absent. */
    public static double decimal(String json, String key) {
        int at = valueStart(json, key);
        if (at < 0) {
            return Double.NaN;
        }
        int end = at;
        while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        try {
            return Double.parseDouble(json.substring(at, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public static boolean isType(String json, String type) {
        String t = string(json, "type");
        return type.equals(t);
    }

    private static int valueStart(String json, String key) {
        String needle = "\"" + key + "\"";
        int k = json.indexOf(needle);
        if (k < 0) {
            return -1;
        }
        int i = k + needle.length();
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) {
            i++;
        }
        return i;
    }
}
