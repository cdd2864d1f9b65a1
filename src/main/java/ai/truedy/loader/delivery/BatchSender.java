package ai.truedy.loader.delivery;

import java.io.IOException;

import ai.truedy.loader.model.Batch;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one send pipeline, for the file routes and the Kamelet sink alike: sends a batch to
 * "Add Contacts to Batch Call" as many times as the {@link SendPolicy} says, and settles each of
 * its rows with the answer. Only a failed connection (an {@link IOException}: refused, reset,
 * timed out) counts as "no answer" and is tried again; anything else is a bug, which
 * {@link #failed} turns into rows in retry/ and a logged cause.
 */
public final class BatchSender {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final TruedyRequest request;
    private final SendPolicy policy;
    private final String endpointUri;
    private volatile Producer http;

    /**
     * @param endpointUri the Camel HTTP endpoint of Truedy's API, such as
     *                    {@code https://api.truedy.ai/api/public/v1?throwExceptionOnFailure=false&httpClientConfigurer=#bean:truedyHttpClient}:
     *                    every status is an answer to settle, and the client never re-sends by itself
     */
    public BatchSender(TruedyRequest request, SendPolicy policy, String endpointUri) {
        this.request = request;
        this.policy = policy;
        this.endpointUri = endpointUri;
    }

    /** Sends the batch in the message body until every row of it is settled. */
    public void send(Exchange exchange) throws Exception {
        Batch batch = exchange.getMessage().getMandatoryBody(Batch.class);
        BatchOrigin origin = origin(exchange);
        BatchDelivery delivery = new BatchDelivery(batch);
        exchange.setProperty(BatchDelivery.PROPERTY, delivery);
        Producer producer = http(exchange.getContext()); // made before a turn is taken, so the first request keeps to its slot
        while (delivery.isSendAgain()) {
            if (policy.awaitTurn(delivery, origin)) {
                policy.afterAnswer(delivery, origin, call(exchange, producer, delivery.batch()));
            }
        }
        exchange.getMessage().setBody(null);
        exchange.removeProperty(BatchDelivery.PROPERTY);
    }

    /**
     * The send route's error policy calls this for anything {@link #send} did not expect: the
     * cause is logged with its stack, and what is left of the batch goes to retry/.
     */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                       @ExchangeProperty(BatchDelivery.PROPERTY) BatchDelivery delivery,
                       @ExchangeProperty(BatchOrigin.PROPERTY) BatchOrigin origin) {
        LOG.error("Sending a batch of {} failed unexpectedly; its unsettled rows go to retry/",
                origin == null ? "?" : origin.name(), cause);
        if (delivery != null && origin != null) {
            policy.failed(delivery, origin, cause);
        }
    }

    private Answer call(Exchange exchange, Producer producer, Batch batch) throws Exception {
        request.write(nextRequest(exchange), batch);
        try {
            producer.process(exchange);
        } catch (IOException noAnswer) {
            return Answer.none(noAnswer);
        } finally {
            TruedyRequest.forget(exchange.getIn()); // the request, kept beside the answer,
            TruedyRequest.forget(exchange.getMessage()); // and the answer, which the producer copies headers to
        }
        Message answer = exchange.getMessage();
        return new Answer(answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                answer.getBody(String.class), answer.getHeader("Retry-After", String.class), null);
    }

    /**
     * The HTTP producer reads the request from the exchange's in message and puts the answer on a
     * new out message: before the next try the answer becomes the in message, as between the steps
     * of a route, so that the request sent is the one just written.
     */
    @SuppressWarnings("deprecation")
    private static Message nextRequest(Exchange exchange) {
        if (exchange.hasOut()) {
            exchange.setIn(exchange.getOut());
            exchange.setOut(null);
        }
        return exchange.getIn();
    }

    /** The HTTP producer, made once, with the first batch; Camel stops it when it stops. */
    private Producer http(CamelContext context) throws Exception {
        Producer producer = http;
        if (producer == null) {
            synchronized (this) {
                if (http == null) {
                    Producer created = context.getEndpoint(endpointUri).createProducer();
                    context.addService(created, true, true);
                    http = created;
                }
                producer = http;
            }
        }
        return producer;
    }

    private static BatchOrigin origin(Exchange exchange) {
        return exchange.getProperty(BatchOrigin.PROPERTY, BatchOrigin.class);
    }
}
