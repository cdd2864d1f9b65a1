package ai.truedy.loader.delivery;

import ai.truedy.loader.batching.Batch;
import ai.truedy.loader.intake.FileLoad;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a batch once its call is over: reads the API's answer (or the lack of one) and writes
 * the outcome of every row of the batch into the file's ledger.
 */
public final class BatchOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(BatchOutcomes.class);

    private final ApiAnswers answers;

    public BatchOutcomes(ApiAnswers answers) {
        this.answers = answers;
    }

    /** The API answered; the route asks for no exception on error statuses, so every status lands here. */
    public void fromResponse(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        settle(exchange, answers.read(status, body));
    }

    /** No answer: the route's error policy sends connection failures, timeouts and other errors here. */
    public void fromFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        settle(exchange, answers.noAnswer(failure));
    }

    private void settle(Exchange exchange, BatchOutcome outcome) {
        Batch batch = exchange.getProperty(TruedyRequest.BATCH, Batch.class);
        FileLoad load = exchange.getProperty(FileLoad.PROPERTY, FileLoad.class);
        TruedyRequest.forget(exchange.getMessage());
        exchange.getMessage().setBody(null);
        load.ledger().settle(batch, outcome);
        if (outcome.disposition() == BatchOutcome.Disposition.ACCEPTED) {
            LOG.debug("{} batch {} (rows {}-{}) for {}: {}", load.file().relativePath(), batch.sequence(),
                    batch.firstRow(), batch.lastRow(), batch.batchCallId(), outcome.detail());
        } else {
            LOG.warn("{} batch {} (rows {}-{}) for {}: {} -> {} rows {}", load.file().relativePath(),
                    batch.sequence(), batch.firstRow(), batch.lastRow(), batch.batchCallId(), outcome.detail(),
                    batch.size(), outcome.disposition() == BatchOutcome.Disposition.RETRY ? "to retry/" : "rejected");
        }
    }
}
