package dev.switchboard.bench.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** One measurement (a scenario, a variant such as "rate-2000", a target), written as one JSON file. */
public final class RunResult {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();

    public RunResult(String scenario, String variant, String target) {
        root.put("scenario", scenario);
        root.put("variant", variant);
        root.put("target", target);
        root.put("startedAt", Instant.now().toString());
        root.put("params", params);
        root.put("metrics", metrics);
        root.put("machine", MachineInfo.describe());
    }

    public RunResult param(String key, Object value) {
        params.put(key, value);
        return this;
    }

    public RunResult metric(String key, Object value) {
        metrics.put(key, value);
        return this;
    }

    public Object metric(String key) {
        return metrics.get(key);
    }

    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        root.put("finishedAt", Instant.now().toString());
        Path file = dir.resolve(root.get("scenario") + "-" + root.get("variant") + "-" + root.get("target") + ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
