package ai.truedy.loader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.SettledBatch;
import ai.truedy.loader.observability.LoaderMetrics;
import ai.truedy.loader.reporting.LogSafe;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, around each call, what happens to a batch. Before: wait for the request budget, any 429
 * pause and any back-off; a batch for a batch call already answered 404, or sent while sending is
 * suspended, is settled without a call. After: accept; reject what the data makes final; try 5xx,
 * timeouts and connection failures again with back-off; wait out a 429 and send again (it is not a
 * failed try); reject only the contacts a 422 names and send the rest once more; stop sending for
 * {@code truedy.auth-pause} after 401, 402 or 403. What cannot be sent now goes to retry/.
 */
public final class SendPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SendPolicy.class);

    private final ApiAnswers answers;
    private final SendGate gate;
    private final DeliverySettings settings;
    private final LoaderMetrics metrics;

    public SendPolicy(ApiAnswers answers, SendGate gate, DeliverySettings settings, LoaderMetrics metrics) {
        this.answers = answers;
        this.gate = gate;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Before each try: waits out any back-off, then for a turn at the gate; then settles the batch
     * unsent if a call cannot help (its batch call was answered 404 in this file, or sending is
     * suspended), checked after the wait so that what happened meanwhile counts.
     */
    public void awaitTurn(Exchange exchange) throws InterruptedException {
        BatchDelivery delivery = delivery(exchange);
        Batch first = delivery.batch();
        BatchOrigin origin = origin(exchange);
        if (delivery.takeJournalCheck() && EarlierOutcomes.replay(delivery, origin, origin.settledBefore(first))) {
            exchange.getMessage().setBody(null);
            origin.sendOrder().taken(first.sequence());
            return;
        }
        Duration backOff = delivery.takeBackOff();
        if (!backOff.isZero()) {
            Thread.sleep(backOff.toMillis());
        }
        awaitGate(delivery, origin.sendOrder());
        if (origin.isNotFound(delivery.batch().batchCallId())) {
            endTurn(delivery);
            settle(exchange, new BatchOutcome(Disposition.REJECTED, null, null, RejectReason.BATCH_CALL_NOT_FOUND,
                    "not sent: the API answered 404 for this batch call earlier in " + origin.name(), ApiCounts.NONE));
            return;
        }
        String suspension = gate.suspension();
        if (suspension != null) {
            endTurn(delivery);
            settle(exchange, new BatchOutcome(Disposition.RETRY, null, null, null, "not sent: " + suspension,
                    ApiCounts.NONE));
            return;
        }
        delivery.attempted();
        delivery.sentAt(System.nanoTime());
    }

    /** After each try: the route's error policy lets failures through to here, so every try ends here. */
    public void afterAnswer(Exchange exchange) {
        try {
            readAnswer(exchange);
        } finally {
            endTurn(delivery(exchange)); // after the answer is acted on: the next batch sees a 404 or a suspension
        }
    }

    private void readAnswer(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        TruedyRequest.forget(message);
        BatchDelivery delivery = delivery(exchange);
        Duration latency = Duration.ofNanos(System.nanoTime() - delivery.sentAt());
        if (failure != null) {
            metrics.batch(null, 0, latency);
            transientFailure(exchange, answers.noAnswer(failure));
            return;
        }
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        BatchOutcome outcome = answers.read(status, body);
        metrics.batch(status, outcome.disposition() == Disposition.ACCEPTED ? delivery.batch().size() : 0, latency);
        switch (status) {
            case 429 -> rateLimited(exchange, outcome, message.getHeader("Retry-After", String.class), body);
            case 401, 402, 403 -> {
                gate.suspend(settings.authPause(), outcome.detail());
                settle(exchange, outcome);
            }
            case 404 -> {
                origin(exchange).notFound(delivery.batch().batchCallId());
                settle(exchange, outcome);
            }
            case 413 -> tooLarge(exchange, outcome);
            case 422 -> validationFailed(exchange, outcome, body);
            default -> {
                if (outcome.disposition() == Disposition.RETRY) {
                    transientFailure(exchange, outcome);
                } else {
                    if (outcome.disposition() == Disposition.ACCEPTED) {
                        gate.recovered();
                    }
                    settle(exchange, outcome);
                }
            }
        }
    }

    /** The first try of a batch waits for the batches before it in the file; later tries do not. */
    private void awaitGate(BatchDelivery delivery, SendOrder order) throws InterruptedException {
        int sequence = delivery.batch().sequence();
        boolean first = delivery.attempts() == 0;
        if (first) {
            order.awaitTurn(sequence);
        }
        try {
            gate.awaitTurn();
            delivery.holdTurn(true);
        } finally {
            if (first) {
                order.taken(sequence);
            }
        }
    }

    private void endTurn(BatchDelivery delivery) {
        if (delivery.holdsTurn()) {
            delivery.holdTurn(false);
            gate.done();
        }
    }

    private void transientFailure(Exchange exchange, BatchOutcome outcome) {
        BatchDelivery delivery = delivery(exchange);
        Duration backOff = settings.backOff(delivery.failedAttempts() + 1);
        delivery.failed(backOff);
        if (delivery.failedAttempts() >= settings.maxAttempts()) {
            settle(exchange, withDetail(outcome, outcome.detail() + "; gave up after " + delivery.failedAttempts()
                    + " tries"));
            return;
        }
        LOG.warn("{} batch {} for {}: {}; try {} of {} in {} ms", origin(exchange).name(),
                delivery.batch().sequence(), delivery.batch().batchCallId(), LogSafe.mask(outcome.detail()),
                delivery.failedAttempts() + 1, settings.maxAttempts(), backOff.toMillis());
    }

    private void rateLimited(Exchange exchange, BatchOutcome outcome, String retryAfter, String body) {
        BatchDelivery delivery = delivery(exchange);
        Duration wait = answers.rateLimitWait(retryAfter, body, Instant.now())
                .orElseGet(() -> settings.backOff(delivery.rateLimitedAnswers() + 1));
        if (wait.compareTo(settings.initialDelay()) < 0) {
            wait = settings.initialDelay(); // a reset time already past must not turn into a busy loop
        }
        if (delivery.rateLimitedWait().plus(wait).compareTo(settings.rateLimitMaxWait()) > 0) {
            settle(exchange, withDetail(outcome, outcome.detail() + "; still rate limited after waiting "
                    + delivery.rateLimitedWait().toSeconds() + " s"));
            return;
        }
        delivery.rateLimited(wait);
        gate.pauseFor(wait);
        LOG.warn("Rate limited by Truedy ({}): all sending pauses for {} ms", LogSafe.mask(outcome.detail()),
                wait.toMillis());
    }

    /** Rejects the contacts a 422 names and sends the rest once more; a 422 that names none rejects the batch. */
    private void validationFailed(Exchange exchange, BatchOutcome outcome, String body) {
        BatchDelivery delivery = delivery(exchange);
        Batch batch = delivery.batch();
        Map<Integer, String> faults = answers.faultyContacts(body);
        boolean named = !faults.isEmpty() && faults.keySet().stream().allMatch(i -> i >= 0 && i < batch.size());
        if (!named || delivery.resentAfterValidation() || faults.size() == batch.size()) {
            settle(exchange, outcome);
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
        EarlierOutcomes.rejectByName(origin(exchange), batch.items(), refused);
        delivery.narrowTo(new Batch(batch.batchCallId(), batch.sequence(), List.copyOf(rest)), refused);
    }

    /**
     * 413 Payload Too Large: the part is halved and both halves are sent, down to one contact. The
     * size of a request is never a reason to reject rows: one contact that is still too large waits in retry/.
     */
    private void tooLarge(Exchange exchange, BatchOutcome outcome) {
        BatchDelivery delivery = delivery(exchange);
        Batch batch = delivery.batch();
        if (batch.size() <= 1) {
            settle(exchange, withDetail(outcome, outcome.detail() + "; too large even as a single contact"));
            return;
        }
        LOG.warn("{} batch {} (rows {}-{}) for {}: HTTP 413 Payload Too Large for {} contacts; sending it in two halves",
                origin(exchange).name(), batch.sequence(), batch.firstRow(), batch.lastRow(), batch.batchCallId(),
                batch.size());
        delivery.halve();
    }

    /** Settles the part being sent: remembered first, then counted; then the next part, if a 413 split the batch. */
    private void settle(Exchange exchange, BatchOutcome outcome) {
        BatchDelivery delivery = delivery(exchange);
        BatchOrigin origin = origin(exchange);
        Batch batch = delivery.batch();
        if (delivery.isSplit()) {
            outcome = withDetail(outcome, outcome.detail() + " (a part of batch " + batch.sequence()
                    + ", split after HTTP 413 Payload Too Large)");
        }
        origin.remember(new SettledBatch(batch.sequence(), batch.batchCallId(), delivery.firstRow(), delivery.lastRow(),
                outcome, delivery.attempts(), new TreeMap<>(delivery.apiRejections())));
        exchange.getMessage().setBody(null);
        origin.settled(batch, outcome, delivery.attempts(), false);
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

    private static BatchOutcome withDetail(BatchOutcome outcome, String detail) {
        return new BatchOutcome(outcome.disposition(), outcome.httpStatus(), outcome.requestId(), outcome.reason(),
                detail, outcome.counts());
    }

    private static BatchDelivery delivery(Exchange exchange) {
        return exchange.getProperty(BatchDelivery.PROPERTY, BatchDelivery.class);
    }

    private static BatchOrigin origin(Exchange exchange) {
        return exchange.getProperty(BatchOrigin.PROPERTY, BatchOrigin.class);
    }
}
