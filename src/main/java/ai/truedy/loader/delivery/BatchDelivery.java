package ai.truedy.loader.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.RowVerdict.Ready;

/**
 * One batch on its way: what is left to send, how many tries failed, how long it has waited out
 * 429 answers, and whether another try is due. A 413 splits it into parts that are sent one after
 * the other, each settled on its own. One lives as long as its {@link BatchSender#send}.
 */
final class BatchDelivery {

    /** The exchange property it is kept under while its batch is sent, for the error policy. */
    static final String PROPERTY = "loaderDelivery";

    private final Batch whole;
    private Batch batch;
    private long firstRow;
    private long lastRow;
    private final Deque<Batch> waitingParts = new ArrayDeque<>();
    private boolean split;
    private boolean journalChecked;
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
        this.whole = batch;
        this.batch = batch;
        this.firstRow = batch.firstRow();
        this.lastRow = batch.lastRow();
    }

    /** The batch as it was handed to the send route. */
    Batch whole() {
        return whole;
    }

    /** Whether the journal was asked for parts settled earlier; asked once, before the first try. */
    boolean takeJournalCheck() {
        boolean first = !journalChecked;
        journalChecked = true;
        return first;
    }

    /** Sends only these rows: the others were settled before. */
    void sendOnly(Batch rest) {
        batch = rest;
        firstRow = rest.firstRow();
        lastRow = rest.lastRow();
    }

    /** The API answered 413: the part being sent is halved, and both halves are sent, this one first. */
    void halve() {
        List<Ready> items = batch.items();
        int half = items.size() / 2;
        waitingParts.addFirst(new Batch(batch.batchCallId(), batch.sequence(), List.copyOf(items.subList(half, items.size()))));
        sendOnly(new Batch(batch.batchCallId(), batch.sequence(), List.copyOf(items.subList(0, half))));
        split = true;
        backOff = Duration.ZERO;
    }

    /** Whether a 413 split the batch into parts. */
    boolean isSplit() {
        return split;
    }

    /** The first row of the part being sent as it was made, which identifies it in the journal with {@link #lastRow()}. */
    long firstRow() {
        return firstRow;
    }

    long lastRow() {
        return lastRow;
    }

    Batch batch() {
        return batch;
    }

    /** True while another try is due. */
    /** Nothing more of the batch is sent or settled here: its origin no longer holds it. */
    void abandon() {
        waitingParts.clear();
        sendAgain = false;
    }

    boolean isSendAgain() {
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

    /** The part being sent is settled; returns whether another part is waiting, which then becomes the one sent. */
    boolean settled() {
        Batch next = waitingParts.pollFirst();
        if (next == null) {
            sendAgain = false;
            return false;
        }
        sendOnly(next);
        attempts = 0;
        failedAttempts = 0;
        rateLimitedAnswers = 0;
        rateLimitedWait = Duration.ZERO;
        resentAfterValidation = false;
        apiRejections.clear();
        return true;
    }
}
