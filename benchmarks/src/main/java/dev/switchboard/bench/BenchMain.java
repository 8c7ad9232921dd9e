package dev.switchboard.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import dev.switchboard.bench.auth.BenchKeys;
import dev.switchboard.bench.auth.TokenPool;
import dev.switchboard.bench.cli.Args;
import dev.switchboard.bench.load.Conn;
import dev.switchboard.bench.load.Connector;
import dev.switchboard.bench.load.Dialect;
import dev.switchboard.bench.load.Target;
import dev.switchboard.bench.report.ReportMain;
import dev.switchboard.bench.result.RunResult;
import dev.switchboard.bench.scenario.FanoutScenario;
import dev.switchboard.bench.scenario.IdleScenario;
import dev.switchboard.bench.scenario.Scenario;
import dev.switchboard.bench.scenario.StormScenario;
import dev.switchboard.bench.startup.StartupMain;

/**
 * Entry point of the harness (bin/bench drives it):
 * <pre>
 *   run --scenario idle|fanout|e2e|storm --target-name NAME --port P [--dialect plain|socketio]
 *       [--path /v1/ws] [--jwt-key private.pem --issuer ISS --users N] [--token-in query|frame]
 *       [--server-pid PID] [--resumes]
 *       [--sources 4] [--loops 1] --out DIR  (+ the scenario's own options)
 *   keygen --dir DIR          throw-away RSA key pair for the gateway and the generator
 *   startup ...               service readiness time, JVM with and without the JDK 25 AOT cache
 *   report --dir DIR          Markdown summary and PNG charts of a results directory
 * </pre>
 */
public final class BenchMain {
    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "idle", new IdleScenario(),
            "fanout", new FanoutScenario(),
            "e2e", new FanoutScenario(),
            "storm", new StormScenario());

    private BenchMain() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: BenchMain run|keygen|startup|report [--options]");
            System.exit(2);
        }
        try {
            switch (argv[0]) {
                case "run" -> run(new Args(argv, 1));
                case "idle-helper" -> idleHelper(new Args(argv, 1));
                case "keygen" -> BenchKeys.generate(Path.of(new Args(argv, 1).required("dir")));
                case "startup" -> StartupMain.run(new Args(argv, 1));
                case "report" -> ReportMain.run(new Args(argv, 1));
                default -> throw new IllegalArgumentException("unknown command " + argv[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(Args args) throws Exception {
        String scenarioName = args.required("scenario");
        Scenario scenario = SCENARIOS.get(scenarioName);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario " + scenarioName + " (idle, fanout, e2e, storm)");
        }
        Target target = target(args);
        try (Connector connector = connector(target, args)) {
            RunResult result = scenario.run(target, connector, args);
            Path file = result.write(Path.of(args.required("out")));
            System.out.println("bench: wrote " + file);
            System.out.println(RunResult.JSON.writeValueAsString(result.metric("deliveredPerSecond") != null
                    ? Map.of("deliveredPerSecond", result.metric("deliveredPerSecond"), "deliveryLatency",
                            String.valueOf(result.metric("deliveryLatency")))
                    : Map.of("summary", "see file")));
        }
    }

    /** A helper process of the idle scenario: holds its share of connections until its stdin closes. */
    private static void idleHelper(Args args) throws Exception {
        Target target = target(args);
        try (Connector connector = connector(target, args)) {
            Connector.Opened opened = connector.open(args.integer("first", 0), args.integer("count", 0),
                    args.integer("concurrency", 200)).join();
            int subscribed = IdleScenario.subscribe(opened.conns(), args.integer("subscribe-rooms", 0));
            System.out.println("OPENED " + opened.conns().size() + " " + opened.failed() + " " + subscribed + " "
                    + opened.millis() + " " + opened.firstError().replace('\n', ' '));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // hold the connections until the parent closes our stdin
            }
            opened.conns().forEach(Conn::close);
        }
    }

    static Target target(Args args) throws Exception {
        String key = args.str("jwt-key", "");
        TokenPool tokens = key.isEmpty() ? null
                : new TokenPool(BenchKeys.loadPrivate(Path.of(key)), args.str("issuer", "https://switchboard.bench"),
                        args.integer("users", 5000), args.number("token-ttl-seconds", 3600));
        return new Target(args.required("target-name"), args.str("host", "127.0.0.1"), args.integer("port", 8080),
                args.str("path", "/v1/ws"), Dialect.parse(args.str("dialect", "plain")), tokens,
                tokenInFrame(args.str("token-in", "query")), args.number("server-pid", 0), args.flag("resumes"));
    }

    private static boolean tokenInFrame(String where) {
        return switch (where) {
            case "query" -> false;
            case "frame" -> true;
            default -> throw new IllegalArgumentException("--token-in must be query or frame, got " + where);
        };
    }

    private static Connector connector(Target target, Args args) {
        return new Connector(target, args.integer("source-base", 1), args.integer("sources", 4), args.integer("loops", 1));
    }
}
