package dev.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import dev.switchboard.bench.cli.Args;
import dev.switchboard.bench.load.BenchClock;
import dev.switchboard.bench.load.Conn;
import dev.switchboard.bench.load.Connector;
import dev.switchboard.bench.load.Frames;
import dev.switchboard.bench.load.Latency;
import dev.switchboard.bench.load.Target;
import dev.switchboard.bench.result.RunResult;

/**
 * Scenario 4, reconnect storm: K clients in R rooms are dropped at once and all reconnect immediately, each
 * subscribing with since = the seq it held before --gap messages per room were published. A client has resumed
 * when it is subscribed again and, on a target that resumes (Switchboard), has been replayed up to the room's
 * latest seq. Reported: the time from the drop until every client had resumed, and each client's resume time.
 */
public final class StormScenario implements Scenario {

    @Override
    public RunResult run(Target target, Connector connector, Args args) throws Exception {
        int clients = args.integer("clients", 1000);
        int rooms = args.integer("rooms", 100);
        int gap = target.resumes() ? args.integer("gap", 2) : 0;
        int concurrency = args.integer("concurrency", 500);
        int timeout = args.integer("timeout-seconds", 120);
        String tag = args.str("tag", Long.toString(System.currentTimeMillis(), 36));
        RunResult result = new RunResult("storm", args.str("variant", Integer.toString(clients)), target.name())
                .param("clients", clients).param("rooms", rooms).param("missedMessagesPerRoom", gap)
                .param("reconnectConcurrency", concurrency);

        Connector.Opened first = connector.open(0, clients, concurrency).join();
        AtomicLongArray since = new AtomicLongArray(clients);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Conn c : first.conns()) {
            answers.add(c.subscribe(room(tag, c.index(), rooms), -1)
                    .whenComplete((f, e) -> since.set(c.index(), f == null ? 0 : Math.max(0, Frames.number(f, "seq")))));
        }
        int subscribed = Await.all(answers, timeout);
        result.metric("connectedBefore", first.conns().size()).metric("subscribedBefore", subscribed)
                .metric("firstError", first.firstError() + Await.firstFailure(answers));

        long[] latestSeq = publishGap(connector, tag, rooms, gap, clients, result);

        long dropAt = BenchClock.micros();
        first.conns().forEach(Conn::close);
        Await.until(() -> first.conns().stream().allMatch(Conn::isClosed), 30_000);
        result.metric("dropMillis", (BenchClock.micros() - dropAt) / 1000.0);

        Latency resume = new Latency();
        AtomicInteger resumed = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<Conn> reconnected = new ArrayList<>();
        Function<Conn, CompletableFuture<Void>> resumeOne = c -> {
            synchronized (reconnected) {
                reconnected.add(c);
            }
            int i = c.index();
            String room = room(tag, i, rooms);
            long latest = latestSeq[i % rooms];
            CompletableFuture<Void> caughtUp = new CompletableFuture<>();
            c.onFrame(f -> {
                if (Frames.isType(f, "message") && Frames.number(f, "seq") >= latest && room.equals(Frames.string(f, "channel"))) {
                    replayed.incrementAndGet();
                    caughtUp.complete(null);
                }
            });
            return c.subscribe(room, since.get(i))
                    .thenCompose(s -> gap == 0 ? CompletableFuture.completedFuture(null) : caughtUp)
                    .thenRun(() -> {
                        resume.record(BenchClock.micros() - dropAt);
                        resumed.incrementAndGet();
                    });
        };
        AtomicInteger next = new AtomicInteger();
        for (int k = 0; k < Math.min(concurrency, clients); k++) {
            reconnectNext(connector, next, clients, resumeOne, done);
        }
        Await.until(() -> {
            synchronized (done) {
                return done.size() >= clients;
            }
        }, timeout * 1000L);
        List<CompletableFuture<Void>> all;
        synchronized (done) {
            all = new ArrayList<>(done);
        }
        Await.all(all, timeout);
        long allResumedMicros = BenchClock.micros() - dropAt;
        result.metric("resumed", resumed.get()).metric("failed", clients - resumed.get())
                .metric("replayedUpToLatest", replayed.get())
                .metric("allResumedMillis", resumed.get() == clients ? allResumedMicros / 1000.0 : null)
                .metric("resumeLatency", resume.summary())
                .metric("resumeError", Await.firstFailure(all));
        synchronized (reconnected) {
            reconnected.forEach(Conn::close);
        }
        return result;
    }

    private static String room(String tag, int client, int rooms) {
        return "room:storm-" + tag + "-" + (client % rooms);
    }

    /** Reconnects the clients one after the other: each finished handshake starts the next one. */
    private static void reconnectNext(Connector connector, AtomicInteger next, int clients,
            Function<Conn, CompletableFuture<Void>> resumeOne, List<CompletableFuture<Void>> done) {
        int i = next.getAndIncrement();
        if (i >= clients) {
            return;
        }
        CompletableFuture<Conn> connected = connector.connect(i, true);
        synchronized (done) {
            done.add(connected.thenCompose(resumeOne));
        }
        connected.whenComplete((c, e) -> reconnectNext(connector, next, clients, resumeOne, done));
    }

    /** Publishes `gap` messages into every room (the messages the dropped clients will have missed). */
    private static long[] publishGap(Connector connector, String tag, int rooms, int gap, int clients, RunResult result) {
        long[] latest = new long[rooms];
        if (gap == 0) {
            return latest;
        }
        Conn publisher = connector.connect(clients).join();
        List<CompletableFuture<String>> acks = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            for (int g = 0; g < gap; g++) {
                String id = "g" + r + "-" + g;
                acks.add(publisher.expect(f -> id.equals(Frames.string(f, "id"))));
                publisher.send("{\"type\":\"publish\",\"id\":\"" + id + "\",\"channel\":\"" + room(tag, r, rooms) + "\",\"msgId\":\""
                        + tag + "-" + id + "\",\"data\":{\"text\":\"missed while away\"}}");
            }
        }
        int ok = Await.all(acks, 120);
        for (CompletableFuture<String> a : acks) {
            String f = a.getNow(null);
            if (f != null && Frames.isType(f, "ack")) {
                String ch = Frames.string(f, "channel");
                int r = Integer.parseInt(ch.substring(ch.lastIndexOf('-') + 1));
                latest[r] = Math.max(latest[r], Frames.number(f, "seq"));
            }
        }
        result.metric("gapPublishAcked", ok);
        publisher.close();
        return latest;
    }
}
