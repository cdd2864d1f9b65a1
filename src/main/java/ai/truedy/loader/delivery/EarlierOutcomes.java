package ai.truedy.loader.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.SettledBatch;

/**
 * The outcomes an origin kept from before (a restart, or a file read again after it grew): the
 * rows of a batch that were settled then get that outcome again and are not sent twice.
 */
final class EarlierOutcomes {

    private EarlierOutcomes() {
    }

    /**
     * Before the first try: the parts of the batch settled before get the outcome kept, and only the
     * rest is left to send.
     *
     * @return true when no row is left to send (the delivery is then over)
     */
    static boolean replay(BatchDelivery delivery, BatchOrigin origin, List<SettledBatch> earlier) {
        if (earlier.isEmpty()) {
            return false;
        }
        Batch batch = delivery.batch();
        List<Ready> rest = new ArrayList<>(batch.items());
        for (SettledBatch part : earlier) {
            List<Ready> covered = rest.stream().filter(item -> part.covers(item.row().number())).toList();
            rest.removeAll(covered);
            rejectByName(origin, covered, part.apiRejections());
            List<Ready> settled = covered.stream()
                    .filter(item -> !part.apiRejections().containsKey(item.row().number())).toList();
            if (Integer.valueOf(404).equals(part.outcome().httpStatus())) {
                origin.notFound(batch.batchCallId());
            }
            if (!settled.isEmpty()) {
                origin.settled(new BatchSettled(new Batch(batch.batchCallId(), batch.sequence(), settled),
                        part.outcome(), part.attempts(), true, null));
            }
        }
        if (!rest.isEmpty()) {
            delivery.sendOnly(new Batch(batch.batchCallId(), batch.sequence(), List.copyOf(rest)));
            return false;
        }
        delivery.settled();
        origin.delivered(delivery.whole());
        return true;
    }

    /** The rows the API refused by name (a 422) are rejected with its reason. */
    static void rejectByName(BatchOrigin origin, List<Ready> items, Map<Long, String> refused) {
        for (Ready item : items) {
            String reason = refused.get(item.row().number());
            if (reason != null) {
                origin.rejectedByApi(item, reason);
            }
        }
    }
}
