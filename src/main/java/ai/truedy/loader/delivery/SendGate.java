package ai.truedy.loader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.model.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every request to Truedy passes, whichever file or thread it comes from. It keeps
 * at most {@code truedy.concurrency} requests in flight, paces
 * requests to stay within the budget ({@code 60 s / requests-per-minute} apart, so no minute ever
 * holds more), holds everyone back after a 429 until the API's reset time, and stops sending for a
 * while after 401, 402 or 403, when every request would fail the same way. It is the request
 * budget of one process.
 */
public final class SendGate implements RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(SendGate.class);

    private final long intervalNanos;
    private final Semaphore inFlight;
    private long nextSlot = System.nanoTime();
    private long pausedUntil = System.nanoTime();
    private Instant suspendedUntil;
    private String suspendedBecause;

    public SendGate(int requestsPerMinute, int concurrency) {
        this.intervalNanos = RequestBudget.pacing(requestsPerMinute).toNanos();
        this.inFlight = new Semaphore(concurrency, true);
    }

    /**
     * Waits for this request's turn: a free place among the requests in flight, then the budget and
     * any 429 pause. Every call must be followed by {@link #done()} once the request is over. Which
     * batch call goes next is decided before, where the senders take their batches ({@link WaitingBatches}).
     */
    @Override
    public void awaitTurn(String batchCallId, int priority) throws InterruptedException {
        inFlight.acquire();
        try {
            awaitSlot();
        } catch (InterruptedException | RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** A request that {@link #awaitTurn(String, int)} let through is over. */
    @Override
    public void done() {
        inFlight.release();
    }

    private void awaitSlot() throws InterruptedException {
        while (true) {
            long slot;
            synchronized (this) {
                long now = System.nanoTime();
                slot = Math.max(now, Math.max(nextSlot, pausedUntil));
                nextSlot = slot + intervalNanos;
            }
            sleepUntil(slot);
            synchronized (this) {
                if (pausedUntil - System.nanoTime() <= 0) {
                    return;
                }
            }
        }
    }

    /** A 429: nobody sends until {@code wait} has passed. */
    @Override
    public synchronized void pauseFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }

    /** 401, 402 or 403: stop sending until {@code pause} has passed; says so once in the log. */
    @Override
    public synchronized void suspend(Duration pause, String because) {
        boolean alreadySuspended = suspendedUntil != null && Instant.now().isBefore(suspendedUntil);
        suspendedUntil = Instant.now().plus(pause);
        suspendedBecause = because;
        if (!alreadySuspended) {
            LOG.error("Sending to Truedy is suspended until {}: {}. The account or key needs attention; "
                    + "batches wait in retry/ and sending is tried again then.", suspendedUntil, LogSafe.mask(because));
        }
    }

    @Override
    public synchronized Instant pausedUntil() {
        long left = pausedUntil - System.nanoTime();
        return left > 0 ? Instant.now().plusNanos(left) : null;
    }

    /** Why sending is suspended now, or null when it is not. */
    @Override
    public synchronized String suspension() {
        if (suspendedUntil == null) {
            return null;
        }
        if (Instant.now().isBefore(suspendedUntil)) {
            return RequestBudget.suspendedUntil(suspendedUntil, suspendedBecause);
        }
        return null;
    }

    /** The API took a request: any suspension is over. */
    @Override
    public synchronized void recovered() {
        if (suspendedUntil != null) {
            LOG.info("Sending to Truedy works again");
            suspendedUntil = null;
            suspendedBecause = null;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
