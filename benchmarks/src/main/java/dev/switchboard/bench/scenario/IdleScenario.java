package dev.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.switchboard.bench.cli.Args;
import dev.switchboard.bench.load.Conn;
import dev.switchboard.bench.load.Connector;
import dev.switchboard.bench.load.Target;
import dev.switchboard.bench.result.ProcessMemory;
import dev.switchboard.bench.result.RunResult;

/**
 * Scenario 1: N idle, accepted (authenticated) connections; the server's memory per connection is its RSS
 * growth divided by N (and, for reference, its whole RSS divided by N). Connections above what one generator
 * process may hold (its file-descriptor limit) are opened by helper processes, see {@link HelperProcesses}.
 *
 * <p>
 * Where one server process may not hold N connections (the same file-descriptor limit), the connections can be spread
 * over several replicas of the server ({@code --replica-ports}, {@code --replica-pids}, the target's own first): each
 * generator process connects to one replica, and the memory is the sum of the replicas' RSS.
 */
public final class IdleScenario implements Scenario {

    @Override
    public RunResult run(Target target, Connector connector, Args args) throws Exception {
        int connections = args.integer("connections", 1000);
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1, got " + connections);
        }
        List<Integer> ports = args.integers("replica-ports", List.of(target.port()));
        List<Long> pids = args.numbers("replica-pids", List.of(target.serverPid()));
        if (pids.size() != ports.size() || ports.get(0) != target.port()) {
            throw new IllegalArgumentException("--replica-ports and --replica-pids name the same replicas, the target's first");
        }
        int replicas = ports.size();
        int perProcess = args.integer("per-process", 18_000);
        List<HelperProcesses.Share> shares = HelperProcesses.Share.split(connections, ports, perProcess);
        int concurrency = args.integer("concurrency", 200);
        int settleSeconds = args.integer("settle-seconds", 5);
        int rooms = args.integer("subscribe-rooms", 0);
        RunResult result = new RunResult("idle", args.str("variant", Integer.toString(connections)), target.name())
                .param("connections", connections)
                .param("requestedConnections", args.integer("requested-connections", connections))
                .param("cappedBy", args.integer("requested-connections", connections) > connections
                        ? "file-descriptor limit of one process (" + System.getenv().getOrDefault("BENCH_FD_LIMIT", "?") + ")" : null)
                .param("connectConcurrency", concurrency)
                .param("settleSeconds", settleSeconds).param("subscribeRooms", rooms)
                .param("connectionsPerGeneratorProcess", perProcess)
                .param("serverReplicas", replicas)
                .param("tokenIn", args.str("token-in", "query"))
                .param("gatewayHeap", args.str("gateway-heap", null));

        long baseline = ProcessMemory.rssBytes(pids);
        // The first share is this process's own: connections from 0 on, to the target (the first replica).
        int own = shares.get(0).count();
        try (HelperProcesses helpers = HelperProcesses.start(args, shares.subList(1, shares.size()))) {
            Connector.Opened opened = connector.open(0, own, concurrency).join();
            int subscribed = subscribe(opened.conns(), rooms);
            HelperProcesses.Totals others = helpers.awaitOpened(600);
            int connected = opened.conns().size() + others.opened();
            Thread.sleep(settleSeconds * 1000L);
            long after = ProcessMemory.rssBytes(pids);
            result.metric("connected", connected)
                    .metric("failed", opened.failed() + others.failed())
                    .metric("firstError", opened.firstError().isEmpty() ? others.firstError() : opened.firstError())
                    .metric("subscribed", subscribed + others.subscribed())
                    .metric("connectMillis", Math.max(opened.millis(), others.millis()))
                    .metric("connectsPerSecond", opened.millis() == 0 ? 0 : opened.conns().size() * 1000L / opened.millis())
                    .metric("generatorProcesses", 1 + helpers.count())
                    .metric("serverRssBaselineBytes", baseline)
                    .metric("serverRssBytes", after);
            if (baseline > 0 && after > 0 && connected > 0) {
                result.metric("rssGrowthPerConnectionBytes", (after - baseline) / connected)
                        .metric("rssPerConnectionBytes", after / connected);
            }
            opened.conns().forEach(Conn::close);
        }
        return result;
    }

    /** Subscribes every connection to one of `rooms` rooms (0: none); returns how many were accepted. */
    public static int subscribe(List<Conn> conns, int rooms) {
        if (rooms <= 0) {
            return 0;
        }
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Conn c : conns) {
            answers.add(c.subscribe("room:idle-" + (c.index() % rooms), -1));
        }
        return Await.all(answers, 120);
    }
}
