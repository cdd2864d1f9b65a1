package ai.truedy.loader.delivery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.SettledBatch;

/**
 * Where the batches handed to delivery come from: a file or a message handed to the Kamelet sink.
 * It keeps what delivery learns per origin (the order of first tries, batch calls answered 404) and
 * passes every settled batch on to the origin's listener, so the rules of delivery are the same
 * for both and delivery never knows about ledgers or journals.
 */
public final class BatchOrigin {

    /** The exchange property the send route finds it under. */
    public static final String PROPERTY = "loaderBatchOrigin";

    /** The order origins were made in: the order files arrived in. */
    private static final AtomicLong ARRIVALS = new AtomicLong();

    private final String name;
    private final long arrival = ARRIVALS.incrementAndGet();
    private final int priority;
    private final Function<Batch, List<SettledBatch>> settledBefore;
    private final BatchListener listener;
    private final BooleanSupplier held;
    private final SendOrder sendOrder = new SendOrder();
    private final Set<String> notFound = ConcurrentHashMap.newKeySet();

    /**
     * @param name          how log lines name it, such as the file's path in the inbox; never personal data
     * @param settledBefore the parts of a batch settled before a restart (or before the file grew),
     *                      whose rows keep the outcome kept and are not sent again
     * @param listener      told of every settled batch
     * @param held          whether batches of this origin may still be sent and settled here: false
     *                      once its journal cannot be kept (another instance took the file over, or
     *                      the cluster's database is out of reach); its batches are then left unsettled
     * @param priority      its batches' weight when batch calls take turns ({@code loader.priority}), at least 1
     */
    public BatchOrigin(String name, Function<Batch, List<SettledBatch>> settledBefore, BatchListener listener,
                       BooleanSupplier held, int priority) {
        this.name = name;
        this.priority = Math.max(1, priority);
        this.settledBefore = settledBefore;
        this.listener = listener;
        this.held = held;
    }

    /** An origin that remembers nothing from before, such as a message. */
    public BatchOrigin(String name, BatchListener listener) {
        this(name, batch -> List.of(), listener, () -> true, 1);
    }

    /** Whether its batches may still be sent and settled here. */
    boolean held() {
        return held.getAsBoolean();
    }

    public String name() {
        return name;
    }

    /** Where it stands in the order origins arrived in: an earlier file's batches go first within a batch call. */
    long arrival() {
        return arrival;
    }

    /** Its batches' weight when batch calls take turns. */
    int priority() {
        return priority;
    }

    /** Lets the origin's batches take their first turn in order. */
    SendOrder sendOrder() {
        return sendOrder;
    }

    List<SettledBatch> settledBefore(Batch batch) {
        return settledBefore.apply(batch);
    }

    /** Whether the API answered 404 for this batch call earlier: its later batches are not sent. */
    boolean isNotFound(String batchCallId) {
        return notFound.contains(batchCallId);
    }

    void notFound(String batchCallId) {
        notFound.add(batchCallId);
    }

    void rejectedByApi(Ready item, String reason) {
        listener.rejectedByApi(item.row(), reason);
    }

    void settled(BatchSettled settled) {
        listener.settled(settled);
    }

    void delivered(Batch batch) {
        listener.delivered(batch);
    }

    /** A batch is left unsettled, for the file's journal: see {@link BatchListener#left}. */
    void left(Batch batch) {
        listener.left(batch);
    }
}
