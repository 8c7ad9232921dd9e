package dev.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.bench.cli.Args;

/**
 * Turns a results directory into summary.md and PNG charts beside it: the machine, one table and chart per
 * scenario, the Switchboard / peer ratios, and where each target of the project stands (met, not met with the
 * number, or not measured). With --docs FILE it also puts the summary between the results markers of that file.
 */
public final class ReportMain {
    static final String START = "<!-- bench-results:start -->";
    static final String END = "<!-- bench-results:end -->";

    private final Results results;
    private final Path dir;
    private final StringBuilder md = new StringBuilder();

    private ReportMain(Path dir) throws IOException {
        this.dir = dir;
        this.results = new Results(dir);
    }

    public static void run(Args args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.required("dir"));
        ReportMain report = new ReportMain(dir);
        String summary = report.build();
        Files.writeString(dir.resolve("summary.md"), summary);
        System.out.println("report: wrote " + dir.resolve("summary.md"));
        String docs = args.str("docs", "");
        if (!docs.isEmpty()) {
            Path docsFile = Path.of(docs);
            Path rel = docsFile.toAbsolutePath().getParent().relativize(dir.toAbsolutePath());
            String embedded = summary.replaceAll("\\]\\(([a-z0-9-]+\\.png)\\)", "](" + rel.toString().replace('\\', '/') + "/$1)")
                    .replaceFirst("^# ", "### ");
            String text = Files.readString(docsFile);
            int a = text.indexOf(START);
            int b = text.indexOf(END);
            if (a < 0 || b < a) {
                throw new IllegalArgumentException(docs + " has no " + START + " ... " + END + " section");
            }
            Files.writeString(docsFile, text.substring(0, a + START.length()) + "\n" + embedded + "\n" + text.substring(b));
            System.out.println("report: updated " + docs);
        }
    }

    private String build() throws IOException {
        md.append("# Switchboard benchmark results: ").append(dir.getFileName()).append("\n\n");
        if (results.isEmpty()) {
            return md.append("No results in this directory.\n").toString();
        }
        machine();
        targets();
        fanout();
        idle();
        e2e();
        storm();
        startup();
        return md.toString();
    }

    private void machine() {
        results.machine().ifPresent(m -> md.append("Machine: ").append(m.path("cores").asText()).append(" cores (")
                .append(m.path("cpuModel").asText()).append("), ").append(m.path("memoryGiB").asText()).append(" GiB, ")
                .append(m.path("os").asText()).append(", ").append(m.path("kernel").asText()).append("; load generator on ")
                .append(m.path("loadGeneratorJdk").asText()).append(", Node ").append(m.path("node").asText())
                .append("; generator pinned to CPU ").append(m.path("loadGeneratorCpus").asText()).append(", servers to CPU ")
                .append(m.path("serverCpus").asText()).append("; file-descriptor limit ").append(m.path("fdLimit").asText())
                .append(".\n\n"));
    }

    // ---- targets of the project ---------------------------------------------------------------------------------

    private void targets() {
        md.append("## Targets\n\n| target | measured | verdict |\n| --- | --- | --- |\n");
        Optional<JsonNode> sb = results.find("fanout", "saturation", "switchboard");
        Optional<JsonNode> node = results.find("fanout", "saturation", "node-ws");
        if (sb.isPresent() && node.isPresent()) {
            double a = metric(sb.get(), "deliveredPerSecond");
            double b = metric(node.get(), "deliveredPerSecond");
            row("gateway fan-out >= 2x Node ws (delivered msg/s, saturation), room path (each message stored)",
                    fmt(a) + " vs " + fmt(b) + " msg/s = " + ratio(a, b), b > 0 && a >= 2 * b);
        } else {
            notMeasured("gateway fan-out >= 2x Node ws (delivered msg/s, saturation)");
        }
        Optional<JsonNode> tick = results.find("fanout", "tick-saturation", "switchboard");
        if (tick.isPresent() && node.isPresent()) {
            double a = metric(tick.get(), "deliveredPerSecond");
            double b = metric(node.get(), "deliveredPerSecond");
            row("gateway fan-out >= 2x Node ws, tick path (no per-message storage)",
                    fmt(a) + " vs " + fmt(b) + " msg/s = " + ratio(a, b), b > 0 && a >= 2 * b);
        }
        Optional<JsonNode> idle = results.of("idle").stream().filter(n -> n.path("target").asText().equals("switchboard"))
                .reduce((x, y) -> metric(y, "connected") > metric(x, "connected") ? y : x);
        if (idle.isPresent() && idle.get().path("metrics").has("rssGrowthPerConnectionBytes")) {
            JsonNode n = idle.get();
            double perConn = metric(n, "rssGrowthPerConnectionBytes");
            long connected = (long) metric(n, "connected");
            int replicas = replicas(n);
            String heap = gatewayHeap(n);
            String what = fmt(perConn / 1024.0) + " KiB per connection at " + fmt(connected) + " connections"
                    + (replicas > 1 ? " over " + replicas + " gateway replicas of about "
                            + fmt(Math.ceil(connected / (double) replicas)) + " each (their RSS growth summed)" : "")
                    + (heap.isEmpty() ? "" : ", fresh gateways with -Xmx" + heap);
            List<JsonNode> sbIdle = results.of("idle").stream().filter(x -> x.path("target").asText().equals("switchboard"))
                    .filter(x -> metric(x, "connected") > 0).filter(x -> replicas(x) == replicas).toList();
            if (sbIdle.size() >= 2) {
                JsonNode small = sbIdle.get(sbIdle.size() - 2);
                double marginal = (metric(n, "serverRssBytes") - metric(small, "serverRssBytes"))
                        / (metric(n, "connected") - metric(small, "connected"));
                what += "; marginal " + fmt(marginal / 1024.0) + " KiB per connection between " + fmt(metric(small, "connected"))
                        + " and " + fmt(connected);
            }
            if (connected < 50_000) {
                row("gateway memory <= 10 KB per idle connection at 50k", what
                        + (n.path("params").path("cappedBy").isTextual()
                                ? " (50k not reachable here: " + n.path("params").path("cappedBy").asText() + ")"
                                : " (no 50k run in this result set)"), null);
            } else {
                row("gateway memory <= 10 KB per idle connection at 50k", what, perConn <= 10_000);
            }
        } else {
            notMeasured("gateway memory <= 10 KB per idle connection at 50k");
        }
        Optional<JsonNode> e2e = results.find("e2e", "rate-2000", "switchboard");
        if (e2e.isPresent()) {
            JsonNode n = e2e.get();
            double p99 = n.path("metrics").path("deliveryLatency").path("p99Ms").asDouble();
            long undelivered = (long) metric(n, "undelivered");
            row("chat delivery p99 <= 50 ms at 2,000 msg/s into a 100-member room",
                    "p99 " + fmt(p99) + " ms, " + fmt(metric(n, "publishedPerSecond")) + " msg/s published, "
                            + fmt(undelivered) + " deliveries missing after the drain",
                    p99 <= 50 && undelivered == 0);
        } else {
            notMeasured("chat delivery p99 <= 50 ms at 2,000 msg/s into a 100-member room");
        }
        List<JsonNode> startups = results.of("startup");
        if (!startups.isEmpty()) {
            for (String mode : results.variants("startup")) {
                StringBuilder what = new StringBuilder();
                boolean all = true;
                for (JsonNode n : startups) {
                    if (!n.path("variant").asText().equals(mode)) {
                        continue;
                    }
                    JsonNode median = n.path("metrics").path("readyMillisMedian");
                    what.append(n.path("target").asText()).append(' ')
                            .append(median.isNumber() ? fmt(median.asDouble()) + " ms" : "not ready").append("; ");
                    all &= median.isNumber() && median.asDouble() <= 1500;
                }
                row("each service ready <= 1.5 s (" + mode + ", median to /q/health/ready)", what.toString(), all);
            }
        } else {
            notMeasured("each service ready <= 1.5 s");
        }
        md.append('\n');
    }

    private void row(String target, String measured, Boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(met == null ? "not measurable here" : met ? "**met**" : "**not met**").append(" |\n");
    }

    private void notMeasured(String target) {
        md.append("| ").append(target).append(" | - | not measured in this run |\n");
    }

    // ---- scenarios --------------------------------------------------------------------------------------------

    private void fanout() throws IOException {
        List<JsonNode> runs = results.of("fanout");
        if (runs.isEmpty()) {
            return;
        }
        JsonNode p = runs.get(0).path("params");
        md.append("## Fan-out: ").append(p.path("publishers").asText()).append(" publishers into one room, ")
                .append(p.path("subscribers").asText()).append(" subscribers\n\n")
                .append("Fixed rate: an open loop at the offered rate (latency from the scheduled send time). Saturation: "
                        + "each publisher keeps ").append(runs.stream().map(n -> n.path("params").path("windowPerPublisher"))
                        .filter(JsonNode::isNumber).findFirst().map(JsonNode::asText).orElse("a window of"))
                .append(" messages in flight.\n\n")
                .append("| variant | target | delivered msg/s | p50 ms | p99 ms | p99.9 ms | ack p99 ms | undelivered | closed by server | errors |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (JsonNode n : runs) {
            JsonNode m = n.path("metrics");
            JsonNode d = m.path("deliveryLatency");
            md.append("| ").append(n.path("variant").asText()).append(" | ").append(n.path("target").asText()).append(" | ")
                    .append(fmt(m.path("deliveredPerSecond").asDouble())).append(" | ").append(fmt(d.path("p50Ms").asDouble()))
                    .append(" | ").append(fmt(d.path("p99Ms").asDouble())).append(" | ").append(fmt(d.path("p999Ms").asDouble()))
                    .append(" | ").append(fmt(m.path("ackLatency").path("p99Ms").asDouble())).append(" | ")
                    .append(fmt(m.path("undelivered").asDouble())).append(" | ")
                    .append(fmt(m.path("connectionsClosedByServer").asDouble())).append(" | ").append(errors(m)).append(" |\n");
        }
        md.append('\n').append(ratios("fanout", "saturation", "deliveredPerSecond", "delivered msg/s at saturation"));
        List<String> targets = results.targets("fanout");
        double[][] rate = new double[1][targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            rate[0][t] = results.find("fanout", "saturation", targets.get(t)).map(n -> metric(n, "deliveredPerSecond")).orElse(0.0);
        }
        Charts.bars(dir.resolve("fanout-throughput.png"), "Fan-out at saturation", "delivered messages/s", targets,
                List.of("delivered msg/s"), rate);
        md.append("![fan-out throughput](fanout-throughput.png)\n\n");
        for (String variant : results.variants("fanout")) {
            latencyChart("fanout", variant, "deliveryLatency", "fanout-latency-" + variant + ".png",
                    "Fan-out delivery latency, " + variant);
        }
    }

    /** How many server processes an idle run spread its connections over (runs before replicas: 1). */
    private static int replicas(JsonNode run) {
        return Math.max(1, run.path("params").path("serverReplicas").asInt(1));
    }

    /** The heap of the fresh gateways an idle run measured; empty for runs on the stack's own gateway. */
    private static String gatewayHeap(JsonNode run) {
        JsonNode heap = run.path("params").path("gatewayHeap");
        return heap.isTextual() ? heap.asText() : "";
    }

    /** What an idle row's label adds: how many server processes, and which heap when the gateways were fresh. */
    private static String idleProcesses(JsonNode run) {
        int replicas = replicas(run);
        String heap = gatewayHeap(run);
        if (!heap.isEmpty()) {
            return " (" + (replicas > 1 ? replicas + " fresh gateways" : "a fresh gateway") + ", -Xmx" + heap + ")";
        }
        return replicas > 1 ? " (" + replicas + " server processes)" : "";
    }

    private void idle() throws IOException {
        List<JsonNode> runs = results.of("idle");
        if (runs.isEmpty()) {
            return;
        }
        md.append("## Idle connections: server memory per connection\n\n")
                .append("RSS from /proc/<pid>/status: growth over the server's RSS before connecting, and the whole RSS, "
                        + "each divided by the connections held.\n\n")
                .append("| connections asked | target | connected | failed | RSS growth / conn | RSS / conn | server RSS | connects/s |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (JsonNode n : runs) {
            JsonNode m = n.path("metrics");
            md.append("| ").append(n.path("variant").asText()).append(idleProcesses(n))
                    .append(" | ").append(n.path("target").asText()).append(" | ")
                    .append(fmt(m.path("connected").asDouble())).append(" | ").append(fmt(m.path("failed").asDouble()))
                    .append(" | ").append(kib(m.path("rssGrowthPerConnectionBytes"))).append(" | ")
                    .append(kib(m.path("rssPerConnectionBytes"))).append(" | ")
                    .append(fmt(m.path("serverRssBytes").asDouble() / 1024 / 1024)).append(" MiB | ")
                    .append(fmt(m.path("connectsPerSecond").asDouble())).append(" |\n");
        }
        md.append('\n');
        for (String v : results.variants("idle")) {
            md.append(ratios("idle", v, "rssGrowthPerConnectionBytes", "RSS growth per connection, " + v + " asked (lower is better)"));
        }
        List<String> variants = results.variants("idle");
        List<String> targets = results.targets("idle");
        double[][] values = matrix(targets, variants, (t, v) -> results.find("idle", v, t)
                .map(n -> metric(n, "rssGrowthPerConnectionBytes") / 1024.0).orElse(0.0));
        Charts.bars(dir.resolve("idle-memory.png"), "Server memory per idle connection", "KiB per connection (RSS growth)",
                variants.stream().map(v -> v + " asked").toList(), targets, values);
        md.append("![idle memory](idle-memory.png)\n\n");
    }

    private void e2e() throws IOException {
        List<JsonNode> runs = results.of("e2e");
        if (runs.isEmpty()) {
            return;
        }
        JsonNode p = runs.get(0).path("params");
        md.append("## End-to-end chat: publish, stored (PostgreSQL), delivered through Kafka to ")
                .append(p.path("subscribers").asText()).append(" room members\n\n")
                .append("| offered msg/s | target | published msg/s | ack p50 / p99 / p99.9 ms | delivery p50 / p99 / p99.9 ms | delivered msg/s | undelivered | errors |\n")
                .append("| --- | --- | ---: | --- | --- | ---: | ---: | --- |\n");
        for (JsonNode n : runs) {
            JsonNode m = n.path("metrics");
            md.append("| ").append(n.path("params").path("offeredRatePerSecond").asText()).append(" | ")
                    .append(n.path("target").asText()).append(" | ").append(fmt(m.path("publishedPerSecond").asDouble()))
                    .append(" | ").append(pcts(m.path("ackLatency"))).append(" | ").append(pcts(m.path("deliveryLatency")))
                    .append(" | ").append(fmt(m.path("deliveredPerSecond").asDouble())).append(" | ")
                    .append(fmt(m.path("undelivered").asDouble())).append(" | ").append(errors(m)).append(" |\n");
        }
        md.append('\n');
        List<String> variants = results.variants("e2e");
        double[][] values = new double[4][variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            Optional<JsonNode> n = results.find("e2e", variants.get(v), "switchboard");
            if (n.isPresent()) {
                JsonNode m = n.get().path("metrics");
                values[0][v] = m.path("ackLatency").path("p50Ms").asDouble();
                values[1][v] = m.path("ackLatency").path("p99Ms").asDouble();
                values[2][v] = m.path("deliveryLatency").path("p50Ms").asDouble();
                values[3][v] = m.path("deliveryLatency").path("p99Ms").asDouble();
            }
        }
        Charts.bars(dir.resolve("e2e-latency.png"), "End-to-end chat latency (Switchboard)", "ms", variants,
                List.of("ack p50", "ack p99", "delivery p50", "delivery p99"), values);
        md.append("![end-to-end latency](e2e-latency.png)\n\n");
    }

    private void storm() throws IOException {
        List<JsonNode> runs = results.of("storm");
        if (runs.isEmpty()) {
            return;
        }
        md.append("## Reconnect storm: all clients dropped at once, then resumed (subscribe with since)\n\n")
                .append("| clients | target | rooms | missed msgs/room | resumed | all resumed after ms | resume p50 / p99 / p99.9 ms |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (JsonNode n : runs) {
            JsonNode m = n.path("metrics");
            JsonNode allMs = m.path("allResumedMillis");
            md.append("| ").append(n.path("params").path("clients").asText()).append(" | ").append(n.path("target").asText())
                    .append(" | ").append(n.path("params").path("rooms").asText()).append(" | ")
                    .append(n.path("params").path("missedMessagesPerRoom").asText()).append(" | ")
                    .append(fmt(m.path("resumed").asDouble())).append(" | ")
                    .append(allMs.isNumber() ? fmt(allMs.asDouble()) : "not all resumed").append(" | ")
                    .append(pcts(m.path("resumeLatency"))).append(" |\n");
        }
        md.append("\nPeers do not keep history: for them \"resumed\" means subscribed again; Switchboard also replays "
                + "the missed messages from PostgreSQL.\n\n");
        List<String> targets = results.targets("storm");
        double[][] values = new double[1][targets.size()];
        for (int t = 0; t < targets.size(); t++) {
            String target = targets.get(t);
            values[0][t] = runs.stream().filter(n -> n.path("target").asText().equals(target)).findFirst()
                    .map(n -> n.path("metrics").path("allResumedMillis").asDouble()).orElse(0.0);
        }
        Charts.bars(dir.resolve("storm.png"), "Reconnect storm: time until every client resumed", "ms", targets,
                List.of("all resumed after"), values);
        md.append("![reconnect storm](storm.png)\n\n");
    }

    private void startup() throws IOException {
        List<JsonNode> runs = results.of("startup");
        if (runs.isEmpty()) {
            return;
        }
        md.append("## Startup: process start to /q/health/ready (median of runs), JVM mode\n\n")
                .append("| service | mode | ready ms (median) | ready ms (runs) | Quarkus \"started in\" s (median) |\n")
                .append("| --- | --- | ---: | --- | ---: |\n");
        for (JsonNode n : runs) {
            JsonNode m = n.path("metrics");
            md.append("| ").append(n.path("target").asText()).append(" | ").append(n.path("variant").asText()).append(" | ")
                    .append(m.path("readyMillisMedian").isNumber() ? fmt(m.path("readyMillisMedian").asDouble()) : "not ready")
                    .append(" | ").append(m.path("readyMillisRuns").toString()).append(" | ")
                    .append(m.path("startedInSecondsMedian").isNumber() ? m.path("startedInSecondsMedian").asText() : "-")
                    .append(" |\n");
        }
        md.append('\n');
        List<String> services = runs.stream().map(n -> n.path("target").asText()).distinct().toList();
        List<String> modes = results.variants("startup");
        double[][] values = matrix(modes, services, (mode, svc) -> results.find("startup", mode, svc)
                .map(n -> n.path("metrics").path("readyMillisMedian").asDouble()).orElse(0.0));
        Charts.bars(dir.resolve("startup.png"), "Time to ready (median)", "ms", services, modes, values);
        md.append("![startup](startup.png)\n\n");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void latencyChart(String scenario, String variant, String field, String file, String title) throws IOException {
        List<String> targets = results.targets(scenario);
        double[][] values = matrix(List.of("p50Ms", "p99Ms", "p999Ms"), targets, (pct, t) -> results.find(scenario, variant, t)
                .map(n -> n.path("metrics").path(field).path(pct).asDouble()).orElse(0.0));
        Charts.bars(dir.resolve(file), title, "ms", targets, List.of("p50", "p99", "p99.9"), values);
        md.append("![").append(title).append("](").append(file).append(")\n\n");
    }

    /** values[series][category] for a chart, from a function of (series, category). */
    private static double[][] matrix(List<String> series, List<String> categories, BiFunction<String, String, Double> value) {
        double[][] values = new double[series.size()][categories.size()];
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                values[s][c] = value.apply(series.get(s), categories.get(c));
            }
        }
        return values;
    }

    private String ratios(String scenario, String variant, String metric, String what) {
        Optional<JsonNode> sb = results.find(scenario, variant, "switchboard");
        if (sb.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String peer : List.of("vertx-raw", "node-ws", "socketio")) {
            results.find(scenario, variant, peer).ifPresent(n -> parts.add(peer + " " + ratio(metric(sb.get(), metric), metric(n, metric))));
        }
        return parts.isEmpty() ? "" : "Switchboard / peer, " + what + ": " + String.join(", ", parts) + ".\n\n";
    }

    private static double metric(JsonNode n, String key) {
        return n.path("metrics").path(key).asDouble();
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", a / b);
    }

    private static String pcts(JsonNode latency) {
        if (latency.path("count").asLong() == 0) {
            return "-";
        }
        return fmt(latency.path("p50Ms").asDouble()) + " / " + fmt(latency.path("p99Ms").asDouble()) + " / "
                + fmt(latency.path("p999Ms").asDouble());
    }

    private static String errors(JsonNode m) {
        JsonNode e = m.path("errors");
        if (!e.isObject() || e.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        e.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + f.getValue().asText()));
        return String.join(", ", parts);
    }

    private static String kib(JsonNode bytes) {
        return bytes.isNumber() ? fmt(bytes.asDouble() / 1024.0) + " KiB" : "-";
    }

    static String fmt(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
