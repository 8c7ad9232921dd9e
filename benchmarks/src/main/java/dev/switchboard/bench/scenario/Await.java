package dev.switchboard.bench.scenario;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Bounded waits: every wait of the harness ends, with or without what it waited for. */
final class Await {
    private Await() {
    }

    /** Waits for all futures, at most that long; returns how many completed normally. */
    static int all(List<? extends CompletableFuture<?>> futures, long timeoutSeconds) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // counted below
        }
        return (int) futures.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    }

    /** Polls until the condition holds or the deadline passes; returns whether it held. */
    static boolean until(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    static String firstFailure(List<? extends CompletableFuture<?>> futures) {
        for (CompletableFuture<?> f : futures) {
            if (f.isCompletedExceptionally()) {
                try {
                    f.join();
                } catch (Exception e) {
                    return String.valueOf(e.getCause() == null ? e : e.getCause());
                }
            }
        }
        return futures.stream().anyMatch(f -> !f.isDone()) ? "timed out" : "";
    }
}
