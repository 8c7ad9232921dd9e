package dev.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.bench.result.RunResult;

/** The JSON results of one benchmark run directory, with look-ups by scenario, variant and target. */
final class Results {
    static final List<String> TARGET_ORDER = List.of("switchboard", "vertx-raw", "node-ws", "socketio");

    private final List<JsonNode> all = new ArrayList<>();

    Results(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = RunResult.JSON.readTree(f.toFile());
                if (n.has("scenario") && n.has("metrics")) {
                    all.add(n);
                }
            }
        }
    }

    List<JsonNode> of(String scenario) {
        return all.stream().filter(n -> scenario.equals(n.path("scenario").asText()))
                .sorted(Comparator.comparing((JsonNode n) -> variantOrder(n.path("variant").asText()))
                        .thenComparing(n -> targetOrder(n.path("target").asText())))
                .toList();
    }

    Optional<JsonNode> find(String scenario, String variant, String target) {
        return of(scenario).stream().filter(n -> variant.equals(n.path("variant").asText()) && target.equals(n.path("target").asText()))
                .findFirst();
    }

    List<String> variants(String scenario) {
        return of(scenario).stream().map(n -> n.path("variant").asText()).distinct().toList();
    }

    List<String> targets(String scenario) {
        return of(scenario).stream().map(n -> n.path("target").asText()).distinct()
                .sorted(Comparator.comparing(Results::targetOrder)).toList();
    }

    Optional<JsonNode> machine() {
        return all.stream().map(n -> n.path("machine")).filter(JsonNode::isObject).findFirst();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    private static int targetOrder(String t) {
        int i = TARGET_ORDER.indexOf(t);
        return i < 0 ? TARGET_ORDER.size() : i;
    }

    /** Numeric variants ("10000", "rate-500") in numeric order, others ("saturation") after them. */
    private static String variantOrder(String v) {
        String digits = v.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? "~" + v : String.format("%012d", Long.parseLong(digits.length() > 12 ? digits.substring(0, 12) : digits)) + v;
    }
}
