package ai.truedy.loader.delivery;

import java.util.List;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.SettledBatch;

/**
 * Where the batches on the send route come from, and where their outcomes go: a CSV file, with
 * its ledger and journal, or a message handed to the Kamelet sink. {@link SendPolicy} settles
 * every batch through it, so the rules of delivery are the same for both.
 */
public interface BatchOrigin {

    /** The exchange property the send route finds it under. */
    String PROPERTY = "loaderBatchOrigin";

    /** How log lines name it, such as the file's path in the inbox; never personal data. */
    String name();

    /** Lets the origin's batches take their first turn in order. */
    SendOrder sendOrder();

    /**
     * The parts of this batch settled before a restart (or before the file grew), when the origin
     * remembers: their rows get the outcome kept, and only the rest is sent.
     */
    default List<SettledBatch> settledBefore(Batch batch) {
        return List.of();
    }

    /** Whether the API answered 404 for this batch call earlier: its later batches are not sent. */
    boolean isNotFound(String batchCallId);

    void notFound(String batchCallId);

    /** The API refused one contact by name (a 422): it is rejected, the rest of its batch is sent again. */
    void rejectedByApi(Ready item, String reason);

    /** Writes the outcome down where a restart finds it, before {@link #settled} counts it. */
    default void remember(SettledBatch settled) {
    }

    /**
     * A batch, or a part of one (a 413 splits it), is settled: its rows are accepted, rejected or
     * left to retry, as the outcome says.
     *
     * @param replayed the outcome was kept from before a restart, not answered now
     */
    void settled(Batch batch, BatchOutcome outcome, int attempts, boolean replayed);

    /** Every row of a batch handed to the send route is settled: its place in flight is free. */
    default void delivered(Batch batch) {
    }
}
