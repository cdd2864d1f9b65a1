package ai.truedy.loader.model;

import java.util.List;

/**
 * Told by delivery as it settles batches, in this order for each: {@link #settled}, then, once every
 * row of the batch handed over is settled, {@link #delivered}. The journal (state), the ledger
 * (reporting) and the count of batches in flight listen; delivery does not know who does.
 */
public interface BatchListener {

    /** The API refused one contact by name (a 422): it is rejected, the rest of its batch is sent again. */
    default void rejectedByApi(SourceRow row, String reason) {
    }

    default void settled(BatchSettled settled) {
    }

    /** Every row of a batch handed to delivery is settled: its place in flight is free. */
    default void delivered(Batch batch) {
    }

    /**
     * A batch handed to delivery is left unsettled, to be sent from the file's journal at a later
     * load (the loader is stopping, or the file is no longer held here): its place in flight is
     * free, and the file is not finished.
     */
    default void left(Batch batch) {
        delivered(batch);
    }

    /** Tells each listener in turn, in the order given. */
    static BatchListener all(BatchListener... listeners) {
        List<BatchListener> each = List.of(listeners);
        return new BatchListener() {
            @Override
            public void rejectedByApi(SourceRow row, String reason) {
                each.forEach(listener -> listener.rejectedByApi(row, reason));
            }

            @Override
            public void settled(BatchSettled settled) {
                each.forEach(listener -> listener.settled(settled));
            }

            @Override
            public void delivered(Batch batch) {
                each.forEach(listener -> listener.delivered(batch));
            }

            @Override
            public void left(Batch batch) {
                each.forEach(listener -> listener.left(batch));
            }
        };
    }
}
