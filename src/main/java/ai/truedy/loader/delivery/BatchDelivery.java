package ai.truedy.loader.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.batching.Batch;

/**
 * One batch on its way: what is left to send, how many tries failed, how long it has waited out
 * 429 answers, and whether another try is due. Lives in an exchange property while its route loops.
 */
public final class BatchDelivery {

    /** The exchange property the send route keeps it under. */
    public static final String PROPERTY = "loaderDelivery";

    private Batch batch;
    private final long firstRow;
    private final long lastRow;
    private int attempts;
    private int failedAttempts;
    private int rateLimitedAnswers;
    private Duration rateLimitedWait = Duration.ZERO;
    private Duration backOff = Duration.ZERO;
    private boolean resentAfterValidation;
    private boolean sendAgain = true;
    private boolean holdsTurn;
    private long sentAt;
    private final Map<Long, String> apiRejections = new TreeMap<>();

    BatchDelivery(Batch batch) {
        this.batch = batch;
        this.firstRow = batch.firstRow();
        this.lastRow = batch.lastRow();
    }

    /** The first row of the batch as it was made, which identifies it in the journal with {@link #lastRow()}. */
    long firstRow() {
        return firstRow;
    }

    long lastRow() {
        return lastRow;
    }

    public Batch batch() {
        return batch;
    }

    /** Read by the route's loop: true while another try is due. */
    public boolean isSendAgain() {
        return sendAgain;
    }

    int attempts() {
        return attempts;
    }

    void attempted() {
        attempts++;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    /** A try failed for a reason that may pass; wait {@code backOff} before the next. */
    void failed(Duration backOff) {
        failedAttempts++;
        this.backOff = backOff;
    }

    int rateLimitedAnswers() {
        return rateLimitedAnswers;
    }

    Duration rateLimitedWait() {
        return rateLimitedWait;
    }

    void rateLimited(Duration wait) {
        rateLimitedAnswers++;
        rateLimitedWait = rateLimitedWait.plus(wait);
        backOff = Duration.ZERO;
    }

    /** Takes the back-off due before the next try, once. */
    Duration takeBackOff() {
        Duration due = backOff;
        backOff = Duration.ZERO;
        return due;
    }

    boolean resentAfterValidation() {
        return resentAfterValidation;
    }

    /** Rows the API refused by name (422), by row number, with the reason: journaled with the outcome. */
    Map<Long, String> apiRejections() {
        return apiRejections;
    }

    /** The API refused some contacts (422): send the rest once more. */
    void narrowTo(Batch rest, Map<Long, String> rejectedRows) {
        apiRejections.putAll(rejectedRows);
        batch = rest;
        resentAfterValidation = true;
        backOff = Duration.ZERO;
    }

    /** When the last request went out (System.nanoTime), for the API latency. */
    long sentAt() {
        return sentAt;
    }

    void sentAt(long nanoTime) {
        sentAt = nanoTime;
    }

    /** Whether this batch holds one of the gate's places for requests in flight. */
    boolean holdsTurn() {
        return holdsTurn;
    }

    void holdTurn(boolean holds) {
        holdsTurn = holds;
    }

    void settled() {
        sendAgain = false;
    }
}
