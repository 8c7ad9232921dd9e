package dev.switchboard.bench.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "--name value" and "--flag" command-line options, with typed getters that name the option when a value is bad. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> raw;

    public Args(String[] argv, int from) {
        raw = List.of(argv).subList(from, argv.length);
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                values.put(key, argv[++i]);
            } else {
                values.put(key, "true");
            }
        }
    }

    public String str(String key, String def) {
        return values.getOrDefault(key, def);
    }

    public String required(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    public int integer(String key, int def) {
        return (int) number(key, def);
    }

    public long number(String key, long def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got " + v);
        }
    }

    /** A comma-separated list of whole numbers ({@code def} when absent). */
    public List<Integer> integers(String key, List<Integer> def) {
        List<Long> numbers = numbers(key, null);
        if (numbers == null) {
            return def;
        }
        List<Integer> integers = new ArrayList<>();
        for (long n : numbers) {
            if (n != (int) n) {
                throw new IllegalArgumentException("--" + key + " takes numbers up to " + Integer.MAX_VALUE + ", got " + n);
            }
            integers.add((int) n);
        }
        return integers;
    }

    /** A comma-separated list of whole numbers (e.g. process ids), or def when the option is absent. */
    public List<Long> numbers(String key, List<Long> def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        List<Long> numbers = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                numbers.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " must be whole numbers separated by commas, got " + v);
            }
        }
        return numbers;
    }

    /** The options as given, to hand on to a helper process. */
    public List<String> raw() {
        return raw;
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getOrDefault(key, "false"));
    }
}
