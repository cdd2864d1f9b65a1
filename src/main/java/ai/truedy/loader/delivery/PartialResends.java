package ai.truedy.loader.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.RowVerdict.Ready;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers after which only a part of the batch is sent again: a 422 that names the contacts it
 * refuses, and a 413 that says the request was too large.
 */
final class PartialResends {

    private static final Logger LOG = LoggerFactory.getLogger(PartialResends.class);

    private PartialResends() {
    }

    /** Rejects the contacts a 422 names and sends the rest once more; a 422 that names none rejects the batch. */
    static void validationFailed(BatchDelivery delivery, BatchOrigin origin, BatchOutcome outcome,
                                 Map<Integer, String> faults) {
        Batch batch = delivery.batch();
        boolean named = !faults.isEmpty() && faults.keySet().stream().allMatch(i -> i >= 0 && i < batch.size());
        if (!named || delivery.resentAfterValidation() || faults.size() == batch.size()) {
            Settlement.settle(delivery, origin, outcome);
            return;
        }
        List<Ready> rest = new ArrayList<>();
        Map<Long, String> refused = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Ready item = batch.items().get(i);
            String fault = faults.get(i);
            if (fault == null) {
                rest.add(item);
            } else {
                refused.put(item.row().number(),
                        "HTTP 422: " + fault + (outcome.requestId() == null ? "" : " (request " + outcome.requestId() + ")"));
            }
        }
        EarlierOutcomes.rejectByName(origin, batch.items(), refused);
        delivery.narrowTo(new Batch(batch.batchCallId(), batch.sequence(), List.copyOf(rest)), refused);
    }

    /**
     * 413 Payload Too Large: the part is halved and both halves are sent, down to one contact. The
     * size of a request is never a reason to reject rows: one contact that is still too large waits in retry/.
     */
    static void tooLarge(BatchDelivery delivery, BatchOrigin origin, BatchOutcome outcome) {
        Batch batch = delivery.batch();
        if (batch.size() <= 1) {
            Settlement.settle(delivery, origin, Settlement.withDetail(outcome, outcome.detail() + "; too large even as a single contact"));
            return;
        }
        LOG.warn("{} batch {} (rows {}-{}) for {}: HTTP 413 Payload Too Large for {} contacts; sending it in two halves",
                origin.name(), batch.sequence(), batch.firstRow(), batch.lastRow(), batch.batchCallId(),
                batch.size());
        delivery.halve();
    }
}
