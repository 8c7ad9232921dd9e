package dev.switchboard.bench.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on: cores, memory, JDK, OS, Node, file-descriptor limit. */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> cpuinfo = lines("/proc/cpuinfo");
        m.put("cores", cpuinfo.stream().filter(l -> l.startsWith("processor")).count());
        m.put("cpuModel", cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown"));
        m.put("memoryGiB", lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0 * 10) / 10.0)
                .orElse(0.0));
        m.put("os", lines("/etc/os-release").stream().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                .map(l -> l.substring(12).replace("\"", "")).orElse(System.getProperty("os.name")));
        m.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("loadGeneratorJdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("node", System.getenv().getOrDefault("BENCH_NODE_VERSION", "unknown"));
        m.put("fdLimit", System.getenv().getOrDefault("BENCH_FD_LIMIT", "unknown"));
        m.put("loadGeneratorCpus", System.getenv().getOrDefault("BENCH_GEN_CPUS", "any"));
        m.put("serverCpus", System.getenv().getOrDefault("BENCH_SERVER_CPUS", "any"));
        return m;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
