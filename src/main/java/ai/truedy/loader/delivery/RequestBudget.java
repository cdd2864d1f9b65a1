package ai.truedy.loader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What every request to Truedy waits for, whichever file, message or thread it comes from: a place
 * among the requests in flight, the request budget (about 100 a minute per organisation), a 429's
 * pause, and no suspension after 401, 402 or 403. {@link SendGate} keeps it in this process;
 * several instances sending for one organisation need one budget they share.
 */
public interface RequestBudget {

    /**
     * How far apart requests are paced to keep to a budget: {@code 60 s / requestsPerMinute}, 1%
     * wider, so that network jitter never tips a minute over; zero for no budget.
     */
    static Duration pacing(int requestsPerMinute) {
        return requestsPerMinute <= 0 ? Duration.ZERO
                : Duration.ofNanos((long) (TimeUnit.MINUTES.toNanos(1) / requestsPerMinute * 1.01));
    }

    /**
     * Waits for this request's turn. Every call must be followed by {@link #done()} once the
     * request is over.
     *
     * @param batchCallId the batch call the request is for: a budget shared by several instances
     *                    hands its turns to batch calls in turn, whichever instance asks
     * @param priority    the batch call's weight in those turns ({@code loader.priority}), at least 1
     * @throws Unavailable when the budget cannot be asked (a shared one whose database is away):
     *                     the request is not sent, and no {@link #done()} is due
     */
    void awaitTurn(String batchCallId, int priority) throws InterruptedException;

    /** Waits for a turn of a request that stands for no batch call in particular. */
    default void awaitTurn() throws InterruptedException {
        awaitTurn("", 1);
    }

    /** The budget cannot be asked now, so no request may go out on it. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** A request that {@link #awaitTurn(String, int)} let through is over. */
    void done();

    /** A 429: nobody sends until {@code wait} has passed. */
    void pauseFor(Duration wait);

    /** 401, 402 or 403: no sending until {@code pause} has passed. */
    void suspend(Duration pause, String because);

    /** Why sending is suspended now, or null when it is not. */
    String suspension();

    /** Until when a 429 keeps everyone from sending, or null when no such pause is on (or it is not known here). */
    default Instant pausedUntil() {
        return null;
    }

    /** How {@link #suspension()} words a suspension after 401, 402 or 403, for every budget alike. */
    static String suspendedUntil(Instant until, String because) {
        return "sending is suspended until " + until + " after " + because;
    }

    /** The API took a request: any suspension is over. */
    void recovered();
}
