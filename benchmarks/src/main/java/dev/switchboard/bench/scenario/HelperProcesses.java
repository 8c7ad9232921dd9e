package dev.switchboard.bench.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchboard.bench.cli.Args;

/**
 * Extra generator JVMs for idle connections beyond one process's file-descriptor limit. Each helper opens its
 * share, prints one "OPENED opened failed subscribed millis error" line, and holds its connections until its
 * standard input closes (which happens when this object is closed, or when the parent dies).
 */
final class HelperProcesses implements AutoCloseable {
    record Totals(int opened, int failed, int subscribed, long millis, String firstError) {
    }

    private final List<Process> processes;

    private HelperProcesses(List<Process> processes) {
        this.processes = processes;
    }

    /** Connections {@code first} to {@code first + count - 1}, to the server on {@code port}: one process's part. */
    record Share(int first, int count, int port) {
        /**
         * Splits {@code connections} evenly over the servers on {@code ports} (the last may get fewer), each server's
         * part into shares of at most {@code perProcess}, so that no process's connections straddle two servers.
         */
        static List<Share> split(int connections, List<Integer> ports, int perProcess) {
            int perServer = (connections + ports.size() - 1) / ports.size();
            List<Share> shares = new ArrayList<>();
            for (int server = 0; server < ports.size(); server++) {
                int to = Math.min(connections, (server + 1) * perServer);
                for (int first = server * perServer; first < to; first += perProcess) {
                    shares.add(new Share(first, Math.min(perProcess, to - first), ports.get(server)));
                }
            }
            return shares;
        }
    }

    /** One helper process per share; each gets the caller's options, then its own port and connections. */
    static HelperProcesses start(Args args, List<Share> shares) throws IOException {
        List<Process> started = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Share share : shares) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "dev.switchboard.bench.BenchMain", "idle-helper"));
            cmd.addAll(args.raw());
            cmd.addAll(List.of("--port", Integer.toString(share.port()), "--first", Integer.toString(share.first()),
                    "--count", Integer.toString(share.count())));
            started.add(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        return new HelperProcesses(started);
    }

    int count() {
        return processes.size();
    }

    Totals awaitOpened(long timeoutSeconds) {
        int opened = 0;
        int failed = 0;
        int subscribed = 0;
        long millis = 0;
        String error = "";
        for (Process p : processes) {
            String line = readLine(p, timeoutSeconds);
            String[] parts = line == null ? new String[0] : line.split(" ", 6);
            if (parts.length >= 5 && parts[0].equals("OPENED")) {
                opened += Integer.parseInt(parts[1]);
                failed += Integer.parseInt(parts[2]);
                subscribed += Integer.parseInt(parts[3]);
                millis = Math.max(millis, Long.parseLong(parts[4]));
                if (error.isEmpty() && parts.length == 6) {
                    error = parts[5];
                }
            } else if (error.isEmpty()) {
                error = "helper process gave no result: " + line;
            }
        }
        return new Totals(opened, failed, subscribed, millis, error);
    }

    private static String readLine(Process p, long timeoutSeconds) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
        try {
            while (System.currentTimeMillis() < deadline) {
                String line = out.readLine();
                if (line == null) {
                    return null;
                }
                if (line.startsWith("OPENED")) {
                    return line;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // it is being ended anyway
            }
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
