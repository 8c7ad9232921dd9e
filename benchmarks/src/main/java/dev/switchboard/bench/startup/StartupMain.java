package dev.switchboard.bench.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.switchboard.bench.cli.Args;
import dev.switchboard.bench.result.RunResult;

/**
 * Startup time of each service in JVM mode: from process start to the first 200 of /q/health/ready, and the
 * "started in" figure Quarkus logs. Four modes: the machine's default JDK (--jdk, 17 here) without and with an
 * AppCDS archive, and JDK 25 without and with an AOT cache; each cache is made by a training run of the same build
 * (written when the trained process exits). A mode is named after the JDK's feature version (jdk17, jdk17-cds,
 * jdk25, jdk25-aot). Each service runs on a spare port (--port-base + i) beside a running platform, which
 * provides Kafka and PostgreSQL.
 */
public final class StartupMain {
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final List<String> SERVICES = List.of("chat-service", "presence-service", "ticker-service", "gateway-service");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StartupMain() {
    }

    public static void run(Args args) throws Exception {
        Path root = Path.of(args.required("root"));
        Path out = Path.of(args.required("out"));
        Path work = Path.of(args.required("work"));
        int runs = args.integer("runs", 3);
        int portBase = args.integer("port-base", 18180);
        String jdk = args.str("jdk", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jdk25 = args.str("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        boolean has25 = Files.isExecutable(Path.of(jdk25));
        String defaultMode = "jdk" + featureVersion(jdk);
        // the default JDK's rows only when it is not JDK 25 itself, which has rows of its own
        boolean measureDefault = !(has25 && defaultMode.equals("jdk" + featureVersion(jdk25)));
        Files.createDirectories(work);
        String jvmOption = args.str("jvm-option", "");
        List<String> services = List.of(args.str("services", String.join(",", SERVICES)).split(","));
        for (int i = 0; i < services.size(); i++) {
            String svc = services.get(i);
            Path app = root.resolve(svc).resolve("target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                System.err.println("startup: " + app + "/quarkus-run.jar is missing (build the services first), skipped");
                continue;
            }
            // Measure a copy: a build of the service while this runs must not pull the jars from under it.
            Path jar = snapshot(app, work.resolve(svc)).resolve("quarkus-run.jar");
            int port = portBase + i;
            if (measureDefault) {
                measure(out, work, svc, jar, port, runs, defaultMode, java(jdk, jvmOption));
                Path archive = work.resolve(svc + ".jsa");
                if (train(work, svc, jar, port, archive, java(jdk, jvmOption, "-XX:ArchiveClassesAtExit=" + archive))) {
                    measure(out, work, svc, jar, port, runs, defaultMode + "-cds",
                            java(jdk, jvmOption, "-XX:SharedArchiveFile=" + archive));
                }
            }
            if (has25) {
                measure(out, work, svc, jar, port, runs, "jdk25", java(jdk25, jvmOption));
                Path cache = work.resolve(svc + ".aot");
                if (train(work, svc, jar, port, cache, java(jdk25, jvmOption, "-XX:AOTCacheOutput=" + cache))) {
                    measure(out, work, svc, jar, port, runs, "jdk25-aot", java(jdk25, jvmOption, "-XX:AOTCache=" + cache));
                }
            }
        }
    }

    /** A training run that writes a class cache (an AppCDS archive or an AOT cache) as the JVM exits; true if it did. */
    private static boolean train(Path work, String svc, Path jar, int port, Path cache, List<String> java)
            throws IOException, InterruptedException {
        Files.deleteIfExists(cache);
        Sample training = start(work, svc, jar, port, java, true);
        System.err.println("startup: " + svc + " training run for " + cache.getFileName() + " ready in "
                + training.readyMillis + " ms, cache "
                + (Files.exists(cache) ? Files.size(cache) / (1024 * 1024) + " MiB" : "missing"));
        return Files.exists(cache);
    }

    /** The feature version of a java binary (17 for "17.0.15"), from what {@code java -version} prints. */
    private static int featureVersion(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("version \"(\\d+)").matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException(java + " -version printed no version: " + printed);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The java command and its options; a blank option (none given) is left out. */
    private static List<String> java(String binary, String... options) {
        List<String> cmd = new ArrayList<>(List.of(binary));
        for (String option : options) {
            if (!option.isBlank()) {
                cmd.add(option);
            }
        }
        return cmd;
    }

    private static void measure(Path out, Path work, String svc, Path jar, int port, int runs, String mode,
            List<String> java) throws Exception {
        RunResult result = new RunResult("startup", mode, svc).param("runs", runs).param("jvm", String.join(" ", java))
                .param("port", port).param("heap", "-Xmx384m");
        List<Long> ready = new ArrayList<>();
        List<Double> logged = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Sample s = start(work, svc, jar, port, java, false);
            if (s.readyMillis >= 0) {
                ready.add(s.readyMillis);
            }
            if (s.startedInSeconds >= 0) {
                logged.add(s.startedInSeconds);
            }
        }
        ready.sort(Long::compare);
        logged.sort(Double::compare);
        result.metric("readyMillisRuns", ready)
                .metric("readyMillisMedian", ready.isEmpty() ? null : ready.get(ready.size() / 2))
                .metric("startedInSecondsRuns", logged)
                .metric("startedInSecondsMedian", logged.isEmpty() ? null : logged.get(logged.size() / 2))
                .metric("failedRuns", runs - ready.size());
        result.write(out);
    }

    private static Path snapshot(Path app, Path dir) throws IOException {
        Path copy = dir.resolve("quarkus-app");
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(app)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(app.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private record Sample(long readyMillis, double startedInSeconds) {
    }

    /** Starts the service, waits (at most 60 s) for readiness, stops it with SIGTERM and waits for it to exit. */
    private static Sample start(Path work, String svc, Path jar, int port, List<String> java, boolean training)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(java);
        cmd.addAll(List.of("-Xmx384m", "-jar", jar.toString()));
        Path log = work.resolve(svc + (training ? "-training" : "") + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_STREAMS_STATE_DIR", work.resolve("streams-" + svc).toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        long readyMillis = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyMillis = (System.nanoTime() - t0) / 1_000_000;
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        if (training) {
            // let the training run see some traffic before it stops and writes the cache
            for (int i = 0; i < 20 && readyMillis >= 0; i++) {
                try {
                    HTTP.send(probe, HttpResponse.BodyHandlers.discarding());
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        double startedIn = -1;
        Matcher m = STARTED_IN.matcher(Files.readString(log));
        if (m.find()) {
            startedIn = Double.parseDouble(m.group(1));
        }
        return new Sample(readyMillis, startedIn);
    }
}
