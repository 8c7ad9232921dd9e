package dev.switchboard.bench.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.switchboard.bench.cli.Args;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import dev.switchboard.bench.load.BenchClock;
import dev.switchboard.bench.load.Conn;
import dev.switchboard.bench.load.Connector;
import dev.switchboard.bench.load.Frames;
import dev.switchboard.bench.load.Latency;
import dev.switchboard.bench.load.Target;
import dev.switchboard.bench.result.RunResult;

/**
 * Scenarios 2 and 3: N publishers into one channel with M subscribers. Each publish carries its send time
 * ("t0", microseconds of the generator's clock), so a subscriber's delivery latency is now - t0, and the ack
 * latency of protocol v1 (ack once stored) is measured on the publisher.
 *
 * <p>Fixed rate (--rate R > 0): an open loop; message k is due at start + k/R and stamped with that due time,
 * so a server that falls behind shows up in the latency (no coordinated omission). Saturation (--rate 0): a
 * closed loop; each publisher keeps --window messages in flight and sends the next one when one of its own
 * messages comes back to it as a subscriber, which bounds what queues up in the server. Through the tick path
 * (--tick-url: quotes posted to ticker-service's ingest, ticks fanned out by the gateway) a publisher is not a
 * subscriber and ticks conflate, so one subscriber paces the loop instead: a quote's credit comes back when a tick
 * at least as new as the quote reaches that subscriber (a newer tick supersedes the quote's own).
 *
 * <p>Only messages stamped inside the measured window (after --warmup-seconds, for --duration-seconds) count;
 * after it, the generator waits (at most --drain-seconds) for their deliveries.
 */
public final class FanoutScenario implements Scenario {

    @Override
    public RunResult run(Target target, Connector connector, Args args) throws Exception {
        int subscribers = args.integer("subscribers", 100);
        int publishers = args.integer("publishers", 4);
        long rate = args.number("rate", 1000);
        int duration = args.integer("duration-seconds", 10);
        int warmup = args.integer("warmup-seconds", 2);
        int window = args.integer("window", 16);
        int drain = args.integer("drain-seconds", 10);
        int payload = args.integer("payload-bytes", 64);
        int concurrency = args.integer("concurrency", 200);
        String tag = args.str("tag", Long.toString(System.currentTimeMillis(), 36));
        String channel = args.str("channel", "room:bench-" + tag);
        String scenario = args.str("scenario", "fanout");
        RunResult result = new RunResult(scenario, args.str("variant", rate > 0 ? "rate-" + rate : "saturation"), target.name())
                .param("channel", channel).param("subscribers", subscribers).param("publishers", publishers)
                .param("offeredRatePerSecond", rate > 0 ? rate : "saturation").param("durationSeconds", duration)
                .param("warmupSeconds", warmup).param("windowPerPublisher", rate > 0 ? null : window)
                .param("payloadBytes", payload);

        String tickUrl = args.str("tick-url", "");
        result.param("publishVia", tickUrl.isEmpty() ? "websocket publish" : "HTTP " + tickUrl);
        Connector.Opened subs = connector.open(0, subscribers, concurrency).join();
        Connector.Opened pubs = connector.open(subscribers, tickUrl.isEmpty() ? publishers : 0, concurrency).join();
        List<Conn> all = new ArrayList<>(subs.conns());
        all.addAll(pubs.conns());
        // Publishers are room members only in the closed loop, where their own messages coming back pace them;
        // at a fixed rate the room has exactly the M subscribers.
        List<Conn> members = rate > 0 || !tickUrl.isEmpty() ? subs.conns() : all;
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Conn c : members) {
            answers.add(c.subscribe(channel, -1));
        }
        int subscribed = Await.all(answers, 120);
        result.metric("subscribersConnected", subs.conns().size()).metric("publishersConnected", pubs.conns().size())
                .metric("subscribed", subscribed)
                .metric("connectFailures", subs.failed() + pubs.failed())
                .metric("firstError", subs.firstError() + pubs.firstError() + Await.firstFailure(answers));
        if ((pubs.conns().isEmpty() && tickUrl.isEmpty()) || subs.conns().isEmpty()) {
            all.forEach(Conn::close);
            return result.metric("error", "no publisher or no subscriber connected");
        }

        HttpClient http = null;
        URI tickUri = null;
        if (!tickUrl.isEmpty()) {
            tickUri = URI.create(tickUrl);
            if (!tickUri.getHost().startsWith("127.") && !tickUri.getHost().equals("localhost")) {
                throw new IllegalArgumentException("benchmarks load loopback addresses only, not " + tickUri.getHost());
            }
            http = connector.vertx().createHttpClient(new HttpClientOptions().setMaxPoolSize(publishers).setKeepAlive(true));
        }
        Run run = new Run(pubs.conns(), tickUrl.isEmpty() ? pubs.conns().size() : publishers, http, tickUri, channel, tag,
                payload, warmup, duration, window, http != null && rate == 0);
        result.param("closedLoopPacedBy", rate > 0 ? null
                : run.pacedByTicks ? "ticks reaching one subscriber" : "each publisher's own messages coming back");
        for (Conn s : subs.conns()) {
            s.onFrame(run::onSubscriberFrame);
        }
        if (run.pacedByTicks) {
            subs.conns().get(0).onFrame(f -> {
                run.onSubscriberFrame(f);
                run.onPacingFrame(f);
            });
        }
        for (int p = 0; p < pubs.conns().size(); p++) {
            int idx = p;
            pubs.conns().get(p).onFrame(f -> run.onPublisherFrame(idx, f, rate == 0));
        }
        if (rate > 0) {
            long timer = connector.vertx().setPeriodic(1, id -> run.sendDue(rate));
            Thread.sleep((warmup + duration) * 1000L + 1000);
            connector.vertx().cancelTimer(timer);
        } else {
            connector.vertx().setTimer(500, id -> run.startClosedLoop());
            Thread.sleep((warmup + duration) * 1000L + 1000);
        }
        long expected = run.publishedInWindow.get() * subs.conns().size();
        long lastSeen = -1;
        long stillSince = System.currentTimeMillis();
        long drainUntil = System.currentTimeMillis() + drain * 1000L;
        while (run.deliveredInWindow.sum() < expected && System.currentTimeMillis() < drainUntil
                && System.currentTimeMillis() - stillSince < 3000) {
            long now = run.deliveredInWindow.sum();
            if (now != lastSeen) {
                lastSeen = now;
                stillSince = System.currentTimeMillis();
            }
            Thread.sleep(50);
        }
        long closedEarly = all.stream().filter(Conn::isClosed).count();
        String closeCodes = all.stream().filter(Conn::isClosed).map(c -> Short.toString(c.closeCode())).distinct()
                .reduce((a, b) -> a + "," + b).orElse("");
        all.forEach(Conn::close);

        long delivered = run.deliveredInWindow.sum();
        result.metric("publishedInWindow", run.publishedInWindow.get())
                .metric("publishedPerSecond", run.publishedInWindow.get() / duration)
                .metric("expectedDeliveries", expected)
                .metric("deliveredInWindow", delivered)
                .metric("undelivered", expected - delivered)
                .metric("deliveredPerSecond", delivered / duration)
                .metric("deliveryLatency", run.delivery.summary())
                .metric("ackLatency", run.ack.summary())
                .metric("errors", run.errorCounts())
                .metric("connectionsClosedByServer", closedEarly)
                .metric("serverCloseCodes", closeCodes);
        return result;
    }

    /** The state of one run; callbacks arrive on the generator's event loops. */
    private static final class Run {
        final List<Conn> pubs;
        final int publisherCount;
        final HttpClient http;
        final URI tickUri;
        final String channel;
        final String tag;
        final String text;
        final long start;
        final long measureFrom;
        final long measureTo;
        final int window;
        final AtomicInteger[] credits;
        final AtomicLong[] sent;
        final AtomicLong publishedInWindow = new AtomicLong();
        final LongAdder deliveredInWindow = new LongAdder();
        final Latency delivery = new Latency();
        final Latency ack = new Latency();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long dueSent;
        volatile boolean measureClosedLoop;
        /** Tick path at saturation: a quote's credit comes back with a tick at least as new. */
        final boolean pacedByTicks;
        final TickPacing pacing = new TickPacing();

        Run(List<Conn> pubs, int publisherCount, HttpClient http, URI tickUri, String channel, String tag, int payload,
                int warmup, int duration, int window, boolean pacedByTicks) {
            this.pubs = pubs;
            this.publisherCount = publisherCount;
            this.http = http;
            this.tickUri = tickUri;
            this.channel = channel;
            this.tag = tag;
            this.text = "x".repeat(Math.max(1, payload));
            this.start = BenchClock.micros() + 500_000;
            this.measureFrom = start + warmup * 1_000_000L;
            this.measureTo = measureFrom + duration * 1_000_000L;
            this.window = window;
            this.pacedByTicks = pacedByTicks;
            this.credits = new AtomicInteger[publisherCount];
            this.sent = new AtomicLong[publisherCount];
            for (int i = 0; i < publisherCount; i++) {
                credits[i] = new AtomicInteger(window);
                sent[i] = new AtomicLong();
            }
        }

        void publish(int p, long t0) {
            long k = sent[p].incrementAndGet();
            if (t0 >= measureFrom && t0 < measureTo) {
                publishedInWindow.incrementAndGet();
            }
            if (http != null) {
                postQuote(p, t0);
                return;
            }
            pubs.get(p).send("{\"type\":\"publish\",\"id\":\"a" + t0 + "\",\"channel\":\"" + channel + "\",\"msgId\":\""
                    + tag + "-" + p + "-" + k + "\",\"data\":{\"text\":\"" + text + "\",\"t0\":" + t0 + ",\"p\":" + p + "}}");
        }

        /** A quote whose volume is t0 (exact in a double); the 202 of the ingest is its ack. */
        void postQuote(int p, long t0) {
            if (pacedByTicks) {
                pacing.sent(t0, p);
            }
            int port = tickUri.getPort() > 0 ? tickUri.getPort() : 80;
            http.request(HttpMethod.POST, port, tickUri.getHost(), tickUri.getRawPath())
                    .compose(req -> req.putHeader("content-type", "application/json")
                            .send("{\"price\":1.0,\"volume\":" + t0 + "}"))
                    .onComplete(ar -> {
                        boolean accepted = ar.succeeded() && ar.result().statusCode() == 202;
                        if (accepted) {
                            if (t0 >= measureFrom && t0 < measureTo) {
                                ack.record(BenchClock.micros() - t0);
                            }
                        } else {
                            errors.computeIfAbsent(ar.succeeded() ? "http_" + ar.result().statusCode() : "http_failed",
                                    k -> new LongAdder()).increment();
                        }
                        // Paced by ticks, an accepted quote's credit comes back with a tick; a refused one's now.
                        if (measureClosedLoop && (!pacedByTicks || (!accepted && pacing.forget(t0, p)))) {
                            credits[p].incrementAndGet();
                            pump(p);
                        }
                    });
        }

        /** Open loop: sends every message due by now, stamped with its due time. */
        synchronized void sendDue(long rate) {
            long now = BenchClock.micros();
            if (now < start) {
                return;
            }
            long dueCount = Math.min(now, measureTo - 1) - start >= 0 ? (Math.min(now, measureTo - 1) - start) * rate / 1_000_000 + 1 : 0;
            while (dueSent < dueCount) {
                long t0 = start + dueSent * 1_000_000 / rate;
                publish((int) (dueSent % publisherCount), t0);
                dueSent++;
            }
        }

        void startClosedLoop() {
            measureClosedLoop = true;
            for (int p = 0; p < publisherCount; p++) {
                pump(p);
            }
        }

        void pump(int p) {
            while (credits[p].get() > 0) {
                long now = BenchClock.micros();
                if (now >= measureTo) {
                    return;
                }
                if (credits[p].decrementAndGet() < 0) {
                    credits[p].incrementAndGet();
                    return;
                }
                publish(p, now);
            }
        }

        void onSubscriberFrame(String f) {
            String type = Frames.string(f, "type");
            if ("message".equals(type) || "tick".equals(type)) {
                long t0 = Frames.number(f, "t0");
                if (t0 == Long.MIN_VALUE && "tick".equals(type)) {
                    double v = Frames.decimal(f, "volume");
                    t0 = Double.isNaN(v) ? Long.MIN_VALUE : (long) v;
                }
                if (t0 >= measureFrom && t0 < measureTo) {
                    delivery.record(BenchClock.micros() - t0);
                    deliveredInWindow.increment();
                }
            } else if ("error".equals(type)) {
                countError(f);
            }
        }

        /** The pacing subscriber's frames: a tick releases every quote it is at least as new as. */
        void onPacingFrame(String f) {
            if (!"tick".equals(Frames.string(f, "type"))) {
                return;
            }
            double volume = Frames.decimal(f, "volume");
            if (Double.isNaN(volume)) {
                return;
            }
            List<Integer> released = pacing.released((long) volume);
            if (measureClosedLoop) {
                for (int p : released) {
                    credits[p].incrementAndGet();
                    pump(p);
                }
            }
        }

        void onPublisherFrame(int p, String f, boolean closedLoop) {
            String type = Frames.string(f, "type");
            if ("ack".equals(type)) {
                String id = Frames.string(f, "id");
                if (id != null && id.startsWith("a")) {
                    long t0 = Long.parseLong(id.substring(1));
                    if (t0 >= measureFrom && t0 < measureTo) {
                        ack.record(BenchClock.micros() - t0);
                    }
                }
            } else if ("message".equals(type)) {
                if (closedLoop && Frames.number(f, "p") == p) {
                    credits[p].incrementAndGet();
                    pump(p);
                }
            } else if ("error".equals(type)) {
                countError(f);
                if (closedLoop) {
                    credits[p].incrementAndGet();
                    pump(p);
                }
            }
        }

        void countError(String f) {
            String code = Frames.string(f, "code");
            errors.computeIfAbsent(code == null ? "unknown" : code, k -> new LongAdder()).increment();
        }

        Map<String, Long> errorCounts() {
            Map<String, Long> m = new TreeMap<>();
            errors.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }
}
