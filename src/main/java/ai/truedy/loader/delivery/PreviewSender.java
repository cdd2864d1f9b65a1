package ai.truedy.loader.delivery;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.BatchSettled;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview's {@code batchSender}, in place of the {@link BatchSender}: it sends nothing. Each
 * batch is settled as a load would find it before its first request: to be sent, or, while sending
 * is held (a do-not-call list older than {@code loader.dnc.max-age}), to wait in retry/, with the
 * same words. The preview's summary counts the requests.
 */
public final class PreviewSender {

    static final String WOULD_SEND = "preview: would be sent; nothing was sent";
    private static final Logger LOG = LoggerFactory.getLogger(PreviewSender.class);

    private final RequestBudget gate;

    /** @param gate the request budget a load would wait on; only asked whether sending is held */
    public PreviewSender(RequestBudget gate) {
        this.gate = gate;
    }

    /**
     * Something unexpected stopped a batch (a bug): it is logged, and the batch's place in flight
     * freed, so that its file ends; the preview's report then counts fewer rows than the file has.
     */
    public void failed(@Body Batch batch, @ExchangeProperty(BatchOrigin.PROPERTY) BatchOrigin origin,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        LOG.error("Previewing a batch of {} failed unexpectedly", origin == null ? "?" : origin.name(), cause);
        if (origin != null && batch != null) {
            origin.delivered(batch);
        }
    }

    /** Settles the batch unsent, as the send route's {@code batchSender.send}. */
    public void send(@Body Batch batch, @ExchangeProperty(BatchOrigin.PROPERTY) BatchOrigin origin) {
        String held = gate.suspension();
        BatchOutcome outcome = held == null
                ? new BatchOutcome(Disposition.ACCEPTED, null, null, null, WOULD_SEND, ApiCounts.NONE)
                : BatchOutcome.notSent(held);
        origin.settled(new BatchSettled(batch, outcome, 0, false, null));
        origin.delivered(batch);
    }
}
