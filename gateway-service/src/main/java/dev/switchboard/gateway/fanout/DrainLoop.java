package dev.switchboard.gateway.fanout;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.vertx.core.Context;

/**
 * The executor of every outbound queue on one Vert.x event loop. A fan-out of one event to N local connections queues
 * N drains here and costs the loop one wake-up and one task, not N: per-connection {@code runOnContext} hops from the
 * Kafka thread were the largest cost per delivered frame.
 */
public final class DrainLoop implements Executor {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);
    /** Tasks run per turn before the loop is given back to I/O (write completions, reads). */
    private static final int MAX_TASKS_PER_TURN = 4096;

    private final Context context;
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** One per event loop: see {@link DrainLoops}. */
    DrainLoop(Context context) {
        this.context = context;
    }

    @Override
    public void execute(Runnable task) {
        pending.add(task);
        HeldDrains held = HeldDrains.current();
        if (held != null) {
            held.defer(this);
        } else {
            schedule();
        }
    }

    /** Runs the queued tasks on the loop soon, unless a turn is already on its way. */
    void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> runTurn());
        }
    }

    private void runTurn() {
        // Cleared first: a task queued from now on schedules the next turn itself.
        scheduled.set(false);
        for (int i = 0; i < MAX_TASKS_PER_TURN; i++) {
            Runnable task = pending.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("An outbound drain failed", e);
            }
        }
        if (!pending.isEmpty()) {
            schedule();
        }
    }
}
