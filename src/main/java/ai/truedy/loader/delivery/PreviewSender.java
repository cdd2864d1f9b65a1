package ai.truedy.loader.delivery;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.BatchSettled;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The preview's stand-in for the {@link BatchSender}: it sends nothing. Each batch is settled as a
 * load would find it before its first request: to be sent, or, while sending is held (a
 * do-not-call list older than {@code loader.dnc.max-age}), to wait in retry/, with the same words.
 */
public final class PreviewSender {

    static final String WOULD_SEND = "preview: would be sent; nothing was sent";

    private final RequestBudget gate;

    /** @param gate the request budget a load would wait on; only asked whether sending is held */
    public PreviewSender(RequestBudget gate) {
        this.gate = gate;
    }

    public void settle(@Body Batch batch, @ExchangeProperty(BatchOrigin.PROPERTY) BatchOrigin origin) {
        String held = gate.suspension();
        BatchOutcome outcome = held == null
                ? new BatchOutcome(Disposition.ACCEPTED, null, null, null, WOULD_SEND, ApiCounts.NONE)
                : BatchOutcome.notSent(held);
        origin.settled(new BatchSettled(batch, outcome, 0, false, null));
        origin.delivered(batch);
    }
}
