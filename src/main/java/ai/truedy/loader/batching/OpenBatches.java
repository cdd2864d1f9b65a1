package ai.truedy.loader.batching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.RowVerdict.Ready;

/**
 * Collects contacts into batches of at most {@code truedy.batch-size}, one batch call id each,
 * numbered in the order they are handed out. Holds one open batch per batch call id, and at most
 * {@link #maxHeld} contacts in all: past that, the batch open longest goes out part-full, so memory
 * does not grow with the number of batch calls a file's rows go to.
 */
public final class OpenBatches {

    private final int batchSize;
    private final int maxHeld;
    private final Map<String, List<Ready>> open = new LinkedHashMap<>();
    private int held;
    private int sequence;

    public OpenBatches(int batchSize) {
        this.batchSize = batchSize;
        this.maxHeld = Math.max(50_000, 2 * batchSize);
    }

    /**
     * Adds a contact; returns its batch when this contact filled it, or the batch open longest when
     * too many contacts are held, else null.
     */
    public Batch add(Ready ready) {
        List<Ready> items = open.computeIfAbsent(ready.batchCallId(), id -> new ArrayList<>());
        items.add(ready);
        held++;
        if (items.size() >= batchSize) {
            return take(ready.batchCallId());
        }
        return held > maxHeld ? take(open.keySet().iterator().next()) : null;
    }

    private Batch take(String batchCallId) {
        List<Ready> items = open.remove(batchCallId);
        held -= items.size();
        return batch(batchCallId, items);
    }

    /** The batches not yet full, once there are no more contacts. */
    public List<Batch> rest() {
        List<Batch> rest = new ArrayList<>(open.size());
        open.forEach((batchCallId, items) -> rest.add(batch(batchCallId, items)));
        open.clear();
        held = 0;
        return rest;
    }

    private Batch batch(String batchCallId, List<Ready> items) {
        return new Batch(batchCallId, ++sequence, List.copyOf(items));
    }
}
