package ai.truedy.loader.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's pause of all sending (the console's Pause): each sender finishes the request it has
 * begun, then waits before its next one until someone resumes; nothing is settled, rolled back or
 * moved meanwhile, and the files in flight go on from where they were. Who paused and when are kept
 * where the loader keeps its state, so a pause outlives a restart; in a cluster, in the database,
 * so that it holds for every instance. Read at most every half second.
 */
public final class OperatorPause {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorPause.class);
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Who paused sending, and when. */
    public record Paused(String by, Instant at) {
    }

    /** Where the pause is kept: a file of the loader's state, or the cluster's database. */
    public interface Store {

        Optional<Paused> read() throws IOException;

        /** Keeps the pause, or (null) ends it. */
        void write(Paused paused) throws IOException;
    }

    /** No pause, ever (a Kamelet's sink, which has no console). */
    public static final OperatorPause NONE = new OperatorPause(new Store() {
        @Override
        public Optional<Paused> read() {
            return Optional.empty();
        }

        @Override
        public void write(Paused paused) {
            throw new UnsupportedOperationException("this loader has no pause");
        }
    }, () -> false);

    private final Store store;
    private final BooleanSupplier stopping;
    private Paused last;
    private long readAt = System.nanoTime() - 2 * FRESH_NANOS;

    /** @param stopping whether the loader is stopping: a sender then stops waiting and leaves its batch to the journal */
    public OperatorPause(Store store, BooleanSupplier stopping) {
        this.store = store;
        this.stopping = stopping;
    }

    /** Who paused sending and when, or empty while it goes on. While the store cannot be read, what it said last. */
    public synchronized Optional<Paused> paused() {
        if (System.nanoTime() - readAt >= FRESH_NANOS) {
            try {
                last = store.read().orElse(null);
            } catch (IOException | RuntimeException unreadable) {
                LOG.debug("Cannot read whether sending is paused ({}); as last read: {}", unreadable.getMessage(),
                        last == null ? "not paused" : "paused");
            }
            readAt = System.nanoTime();
        }
        return Optional.ofNullable(last);
    }

    public synchronized void pause(String by) throws IOException {
        Paused paused = new Paused(by, Instant.now());
        store.write(paused);
        last = paused;
        readAt = System.nanoTime();
        LOG.warn("Sending is paused by {}: every sender stops after its current request, until someone resumes", by);
    }

    public synchronized void resume(String by) throws IOException {
        store.write(null);
        last = null;
        readAt = System.nanoTime();
        LOG.info("Sending is resumed by {}", by);
    }

    /**
     * Waits while sending is paused. Returns true when it may go on, false when the batch is no
     * longer wanted here (the loader is stopping, or its file is no longer held): it is then left
     * unsent to the file's journal, and the file stays in the inbox to be resumed.
     */
    boolean awaitGo(BooleanSupplier wanted) throws InterruptedException {
        while (paused().isPresent()) {
            if (stopping.getAsBoolean() || !wanted.getAsBoolean()) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return true;
    }

    /** How readiness and the console word it. */
    public static String inWords(Paused paused) {
        return "sending is paused by " + paused.by() + " since " + paused.at() + ": resume it on the console";
    }
}
