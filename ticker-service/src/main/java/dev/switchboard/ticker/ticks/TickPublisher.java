package dev.switchboard.ticker.ticks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.ticker.Tick;

/**
 * The single writer of every symbol: gives each tick the next seq of its symbol and sends it to ticker.ticks and
 * ticker.snapshots, both keyed by symbol. Seq assignment and the send happen under the symbol's lock, so the order
 * on the partition is the seq order whichever feed or request produced the tick. Plain class (no CDI) so a test can
 * build a second, "restarted" publisher against the same broker.
 *
 * <p>
 * Closing it stops publishing, flushes, and, if Kafka acknowledged every record this publisher sent, writes a
 * {@link RecoveryCheckpoint}: the next start then skips the tail of ticker.ticks that the snapshots cover.
 */
public final class TickPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TickPublisher.class);
    private static final long FAILURE_LOG_INTERVAL_MS = 5_000;
    private static final byte[] CHECKPOINT_KEY = RecoveryCheckpoint.KEY.getBytes(StandardCharsets.UTF_8);
    private static final Duration CHECKPOINT_TIMEOUT = Duration.ofSeconds(5);

    /** One value of a batch: its event time and its data. */
    public record Entry(long ts, TickData data) {
    }

    /** The seqs a batch received, both inclusive. */
    public record Published(String symbol, long firstSeq, long lastSeq) {
        public int count() {
            return (int) (lastSeq - firstSeq + 1);
        }
    }

    private final Producer<byte[], byte[]> producer;
    private final TickEncoder encoder;
    private final ConcurrentHashMap<String, SymbolState> symbols = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile long lastFailureAt;
    private volatile long lastFailureLoggedAt;
    private volatile boolean closed;
    /** Publishes share it, close takes it alone: no send is under way once the flag is set (no allocation per use). */
    private final StampedLock gate = new StampedLock();
    /** Per ticker.ticks partition, one past the highest offset Kafka acknowledged to this publisher. */
    private final ConcurrentHashMap<Integer, AtomicLong> ticksAcked = new ConcurrentHashMap<>();
    /** Covered before this publisher sent anything, once the stale snapshots recovery found are written again. */
    private final Map<Integer, Long> coveredAtStart;
    private final boolean checkpointable;
    // Shared by every fire-and-forget send: the hot path allocates no callback per tick.
    private final Callback counting = this::onCompletion;

    public TickPublisher(Producer<byte[], byte[]> producer, TickEncoder encoder, Recovery recovery) {
        this.producer = producer;
        this.encoder = encoder;
        this.coveredAtStart = recovery.ticksEnd();
        this.checkpointable = recovery.checkpointable();
        for (Tick tick : recovery.latest()) {
            SymbolState state = state(tick.symbol());
            state.seq = tick.seq();
            state.latest = encode(tick);
        }
        // A crash lost these snapshot records: write them again, for gateways (latest value on subscribe) and so a
        // later checkpoint can say the snapshots cover everything before it.
        for (Tick tick : recovery.staleSnapshots()) {
            producer.send(new ProducerRecord<>(Topics.TICKER_SNAPSHOTS, state(tick.symbol()).key, encode(tick)), counting);
        }
    }

    private byte[] encode(Tick tick) {
        return encoder.encode(tick.symbol(), tick.seq(), tick.feed(), TickData.of(tick.data()), tick.ts());
    }

    /** Hot path: publishes one value and returns its seq; delivery failures are counted and logged. */
    public long publish(String symbol, String feed, long ts, TickData data) {
        SymbolState state = state(symbol);
        long stamp = gate.readLock();
        try {
            synchronized (state) {
                refuseIfClosed();
                long seq = state.seq + 1;
                send(state, seq, encoder.encode(symbol, seq, feed, data, ts), counting);
                return seq;
            }
        } finally {
            gate.unlockRead(stamp);
        }
    }

    /** Publishes a batch under consecutive seqs; completes once Kafka has acknowledged every record. */
    public CompletableFuture<Published> publishAll(String symbol, String feed, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("An empty batch has no seq");
        }
        SymbolState state = state(symbol);
        BatchCompletion completion;
        long stamp = gate.readLock();
        try {
            synchronized (state) {
                long first = state.seq + 1;
                completion = new BatchCompletion(new Published(symbol, first, first + entries.size() - 1));
                try {
                    refuseIfClosed();
                    for (Entry entry : entries) {
                        long seq = state.seq + 1;
                        send(state, seq, encoder.encode(symbol, seq, feed, entry.data(), entry.ts()), completion);
                    }
                } catch (RuntimeException e) {
                    // The producer refused synchronously (closed, buffer full for too long): the request fails as a whole.
                    completion.future.completeExceptionally(e);
                }
            }
        } finally {
            gate.unlockRead(stamp);
        }
        return completion.future;
    }

    /** Caller holds the gate's read lock, so {@link #close()} sets the flag either before this read or after the send. */
    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("The tick publisher is closed (ticker-service is stopping)");
        }
    }

    /** Caller holds the symbol's lock. */
    private void send(SymbolState state, long seq, byte[] value, Callback callback) {
        producer.send(new ProducerRecord<>(Topics.TICKER_TICKS, state.key, value), callback);
        // The seq is taken as soon as the tick is handed over, so a failing snapshot send can never cause a repeat.
        state.seq = seq;
        state.latest = value;
        sent.increment();
        producer.send(new ProducerRecord<>(Topics.TICKER_SNAPSHOTS, state.key, value), callback);
    }

    private SymbolState state(String symbol) {
        return symbols.computeIfAbsent(symbol, SymbolState::new);
    }

    /** The latest value of a symbol, as sent. */
    public Optional<Tick> latest(String symbol) {
        SymbolState state = symbols.get(symbol);
        byte[] latest = state == null ? null : state.latest;
        return latest == null ? Optional.empty() : Optional.of(encoder.decode(latest));
    }

    /** The latest value of every symbol, by symbol. */
    public List<Tick> latestAll() {
        List<Tick> all = new ArrayList<>(symbols.size());
        for (SymbolState state : symbols.values()) {
            byte[] latest = state.latest;
            if (latest != null) {
                all.add(encoder.decode(latest));
            }
        }
        all.sort(Comparator.comparing(Tick::symbol));
        return all;
    }

    /** The last seq given to a symbol, 0 if it has none yet. */
    public long lastSeq(String symbol) {
        SymbolState state = symbols.get(symbol);
        return state == null ? 0 : state.seq;
    }

    public long sentCount() {
        return sent.sum();
    }

    /** Records acknowledged by Kafka (each tick is two records: the tick and its snapshot). */
    public long ackedCount() {
        return acked.sum();
    }

    public long failedCount() {
        return failed.sum();
    }

    /** Wall-clock millis of the last delivery failure, 0 if none. */
    public long lastFailureAt() {
        return lastFailureAt;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        // The write lock waits for every publish under way to hand its records to the producer; every later one
        // sees the flag. So the flush below covers every tick that took a seq, and the checkpoint every such tick.
        long stamp = gate.writeLock();
        try {
            closed = true;
        } finally {
            gate.unlockWrite(stamp);
        }
        try {
            producer.flush();
            if (!checkpointable) {
                LOG.warnf("No topic %s: no recovery checkpoint, the next start reads the tail of %s",
                        Topics.TICKER_RECOVERY_CHECKPOINTS, Topics.TICKER_TICKS);
            } else if (failed.sum() == 0) {
                writeCheckpoint();
            } else {
                LOG.warnf("%d records were not acknowledged: no recovery checkpoint, the next start reads the tail of %s",
                        failed.sum(), Topics.TICKER_TICKS);
            }
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** What a checkpoint written now would cover: each partition up to the farther of its start and its acks. */
    private RecoveryCheckpoint checkpoint() {
        Map<Integer, Long> covered = new HashMap<>(coveredAtStart);
        ticksAcked.forEach((partition, offset) -> covered.merge(partition, offset.get(), Math::max));
        return new RecoveryCheckpoint(covered, System.currentTimeMillis());
    }

    private void writeCheckpoint() {
        RecoveryCheckpoint checkpoint = checkpoint();
        try {
            producer.send(new ProducerRecord<>(Topics.TICKER_RECOVERY_CHECKPOINTS, CHECKPOINT_KEY, encoder.encode(checkpoint)))
                    .get(CHECKPOINT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Recovery checkpoint written: %s covered up to %s", Topics.TICKER_TICKS, checkpoint.ticksOffsets());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while writing the recovery checkpoint; the next start reads the tail of ticks");
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Could not write the recovery checkpoint, the next start reads the tail of %s: %s",
                    Topics.TICKER_TICKS, e.toString());
        }
    }

    private void onCompletion(RecordMetadata metadata, Exception error) {
        if (error == null) {
            acked.increment();
            if (metadata.hasOffset() && Topics.TICKER_TICKS.equals(metadata.topic())) {
                // Integer.valueOf caches small ints and the method reference is a constant: no allocation per ack.
                ticksAcked.computeIfAbsent(metadata.partition(), p -> new AtomicLong())
                        .accumulateAndGet(metadata.offset() + 1, Math::max);
            }
            return;
        }
        failed.increment();
        long now = System.currentTimeMillis();
        lastFailureAt = now;
        if (now - lastFailureLoggedAt > FAILURE_LOG_INTERVAL_MS) {
            lastFailureLoggedAt = now;
            LOG.warnf("Kafka did not accept ticks (%d failed so far): %s", failed.sum(), error.toString());
        }
    }

    /** Counts down both records of every tick of a batch; fails the batch on the first error. */
    private final class BatchCompletion implements Callback {
        private final CompletableFuture<Published> future = new CompletableFuture<>();
        private final Published published;
        private final AtomicInteger pending;

        BatchCompletion(Published published) {
            this.published = published;
            this.pending = new AtomicInteger(published.count() * 2);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            TickPublisher.this.onCompletion(metadata, error);
            if (error != null) {
                future.completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                future.complete(published);
            }
        }
    }

    private static final class SymbolState {
        final byte[] key;
        volatile long seq;
        volatile byte[] latest;

        SymbolState(String symbol) {
            this.key = symbol.getBytes(StandardCharsets.UTF_8);
        }
    }
}
