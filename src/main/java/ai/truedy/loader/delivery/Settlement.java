package ai.truedy.loader.delivery;

import java.util.TreeMap;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.LogSafe;
import ai.truedy.loader.model.SettledBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the part of a batch being sent: tells the origin's listeners (the journal first, so a
 * restart finds it, then the ledger), logs it, and moves on to the next part if a 413 split the batch.
 */
final class Settlement {

    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

    private Settlement() {
    }

    static void settle(BatchDelivery delivery, BatchOrigin origin, BatchOutcome outcome) {
        Batch batch = delivery.batch();
        if (delivery.isSplit()) {
            outcome = withDetail(outcome, outcome.detail() + " (a part of batch " + batch.sequence()
                    + ", split after HTTP 413 Payload Too Large)");
        }
        SettledBatch entry = new SettledBatch(batch.sequence(), batch.batchCallId(), delivery.firstRow(),
                delivery.lastRow(), outcome, delivery.attempts(), new TreeMap<>(delivery.apiRejections()));
        origin.settled(new BatchSettled(batch, outcome, delivery.attempts(), false, entry));
        if (outcome.disposition() == Disposition.ACCEPTED) {
            LOG.debug("{} batch {} (rows {}-{}) for {}: {}", origin.name(), batch.sequence(),
                    batch.firstRow(), batch.lastRow(), batch.batchCallId(), outcome.detail());
        } else {
            LOG.warn("{} batch {} (rows {}-{}) for {}: {} -> {} rows {}", origin.name(),
                    batch.sequence(), batch.firstRow(), batch.lastRow(), batch.batchCallId(), LogSafe.mask(outcome.detail()),
                    batch.size(), outcome.disposition() == Disposition.RETRY ? "to retry/" : "rejected");
        }
        if (!delivery.settled()) {
            origin.delivered(delivery.whole());
        }
    }

    /**
     * The origin no longer holds its batches (its journal cannot be kept here), or the loader stops
     * while sending is paused: nothing more of this one is sent or settled, its place in flight is
     * freed, and the file is resumed from its journal.
     */
    static void leave(BatchDelivery delivery, BatchOrigin origin) {
        LOG.debug("{} batch {} (rows {}-{}) not sent: it is resumed from the file's journal",
                origin.name(), delivery.batch().sequence(), delivery.firstRow(), delivery.lastRow());
        delivery.abandon();
        origin.left(delivery.whole());
    }

    static BatchOutcome withDetail(BatchOutcome outcome, String detail) {
        return new BatchOutcome(outcome.disposition(), outcome.httpStatus(), outcome.requestId(), outcome.reason(),
                detail, outcome.counts());
    }
}
