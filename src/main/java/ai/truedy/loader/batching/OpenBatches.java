package ai.truedy.loader.batching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.contacts.RowVerdict.Ready;

/**
 * Collects contacts into batches of at most {@code truedy.batch-size}, one batch call id each,
 * numbered in the order they fill up. Holds one open batch per batch call id.
 */
public final class OpenBatches {

    private final int batchSize;
    private final Map<String, List<Ready>> open = new LinkedHashMap<>();
    private int sequence;

    public OpenBatches(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Adds a contact; returns its batch when this contact filled it, else null. */
    public Batch add(Ready ready) {
        List<Ready> items = open.computeIfAbsent(ready.batchCallId(), id -> new ArrayList<>(batchSize));
        items.add(ready);
        if (items.size() < batchSize) {
            return null;
        }
        open.remove(ready.batchCallId());
        return batch(ready.batchCallId(), items);
    }

    /** The batches not yet full, once there are no more contacts. */
    public List<Batch> rest() {
        List<Batch> rest = new ArrayList<>(open.size());
        open.forEach((batchCallId, items) -> rest.add(batch(batchCallId, items)));
        open.clear();
        return rest;
    }

    private Batch batch(String batchCallId, List<Ready> items) {
        return new Batch(batchCallId, ++sequence, List.copyOf(items));
    }
}
