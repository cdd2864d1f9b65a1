package ai.truedy.loader.delivery;

import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.LogSafe;
import ai.truedy.loader.model.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the send rules around each call. Before: wait for the request budget, any 429 pause
 * and any back-off; a batch for a batch call already answered 404, or sent while sending is
 * suspended, is settled without a call. After: the action {@link SendRules} gives for the answer.
 * What cannot be sent now goes to retry/.
 */
public final class SendPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SendPolicy.class);

    private final ApiAnswers answers;
    private final RequestBudget gate;
    private final OperatorPause pause;
    private final DeliverySettings settings;
    private final SendListener listener;

    /** @param listener told of every try (the metrics) */
    public SendPolicy(ApiAnswers answers, RequestBudget gate, DeliverySettings settings, SendListener listener) {
        this(answers, gate, OperatorPause.NONE, settings, listener);
    }

    /** @param pause a person's pause of all sending (the console's): each try waits it out first */
    public SendPolicy(ApiAnswers answers, RequestBudget gate, OperatorPause pause, DeliverySettings settings,
                      SendListener listener) {
        this.answers = answers;
        this.gate = gate;
        this.pause = pause;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Before each try: waits out any back-off and a person's pause, then for a turn at the gate; then settles the batch
     * unsent if a call cannot help (its batch call was answered 404 for this origin, or sending is
     * suspended), checked after the wait so that what happened meanwhile counts.
     *
     * @return whether to send now; when not, the part was settled without a call
     */
    boolean awaitTurn(BatchDelivery delivery, BatchOrigin origin) throws InterruptedException {
        Batch first = delivery.batch();
        if (delivery.takeJournalCheck() && EarlierOutcomes.replay(delivery, origin, origin.settledBefore(first))) {
            origin.sendOrder().taken(first.sequence());
            return false;
        }
        Duration backOff = delivery.takeBackOff();
        if (!backOff.isZero()) {
            Thread.sleep(backOff.toMillis());
        }
        if (!origin.held()) { // asked first too, so that a file no longer held here does not wait for the budget
            return abandon(delivery, origin);
        }
        if (!pause.awaitGo(origin::held)) { // the loader stops while paused: the file is resumed from its journal
            return abandon(delivery, origin);
        }
        try {
            awaitGate(delivery, origin);
        } catch (RequestBudget.Unavailable e) {
            settle(delivery, origin, BatchOutcome.notSent(e.getMessage()));
            return false;
        }
        if (!origin.held()) {
            return abandon(delivery, origin);
        }
        if (origin.isNotFound
(delivery.batch().batchCallId())) {
            endTurn(delivery);
            settle(delivery, origin, new BatchOutcome(Disposition.REJECTED, null, null, RejectReason.BATCH_CALL_NOT_FOUND,
                    "not sent: the API answered 404 for this batch call earlier in " + origin.name(), ApiCounts.NONE));
            return false;
        }
        String suspension = gate.suspension();
        if (suspension != null) {
            endTurn(delivery);
            settle(delivery, origin, BatchOutcome.notSent(suspension));
            return false;
        }
        delivery.attempted();
        delivery.sentAt(System.nanoTime());
        return true;
    }

    private boolean abandon(BatchDelivery delivery, BatchOrigin origin) {
        endTurn(delivery);
        Settlement.leave(delivery, origin);
        return false;
    }

    /** After each try, answered or not: every try ends here. */
    void afterAnswer(BatchDelivery delivery, BatchOrigin origin, Answer answer) {
        try {
            readAnswer(delivery, origin, answer);
        } finally {
            endTurn(delivery); // after the answer is acted on: the next batch sees a 404 or a suspension
        }
    }

    /**
     * Something that is neither an answer nor a failed connection stopped the delivery (a bug): what
     * is left of the batch waits in retry/, with the cause, so that no row is lost and none hangs.
     */
    void failed(BatchDelivery delivery, BatchOrigin origin, Exception cause) {
        endTurn(delivery);
        while (delivery.isSendAgain()) {
            settle(delivery, origin, BatchOutcome.notSent("internal error (" + cause.getClass().getSimpleName()
                    + "); see the loader's log"));
        }
    }

    /** Carries out the action {@link SendRules} gives for the answer. */
    private void readAnswer(BatchDelivery delivery, BatchOrigin origin, Answer answer) {
        Duration latency = Duration.ofNanos(System.nanoTime() - delivery.sentAt());
        SendRules.Rule rule = SendRules.of(answer);
        BatchOutcome outcome = answer.failure() != null ? answers.noAnswer(answer.failure())
                : answers.read(answer.status(), answer.body());
        listener.answered(answer.failure() != null ? null : answer.status(),
                outcome.disposition() == Disposition.ACCEPTED ? delivery.batch().size() : 0, latency);
        switch (rule.action()) {
            case SETTLE -> {
                if (outcome.disposition() == Disposition.ACCEPTED) {
                    gate.recovered();
                }
                settle(delivery, origin, outcome);
            }
            case PAUSE_AND_SEND_AGAIN -> rateLimited(delivery, origin, outcome, answer.retryAfter(), answer.body());
            case SUSPEND_SENDING -> {
                gate.suspend(settings.authPause(), outcome.detail());
                settle(delivery, origin, outcome);
            }
            case REJECT_BATCH_CALL -> {
                origin.notFound(delivery.batch().batchCallId());
                settle(delivery, origin, outcome);
            }
            case SPLIT -> PartialResends.tooLarge(delivery, origin, outcome);
            case REJECT_NAMED_AND_SEND_REST -> PartialResends.validationFailed(delivery, origin, outcome,
                    answers.faultyContacts(answer.body()));
            case SEND_AGAIN_AFTER_BACK_OFF -> transientFailure(delivery, origin, outcome);
        }
    }

    /** The first try of a batch waits for the batches before it in the file; later tries do not. */
    private void awaitGate(BatchDelivery delivery, BatchOrigin origin) throws InterruptedException {
        SendOrder order = origin.sendOrder();
        int sequence = delivery.batch().sequence();
        boolean first = delivery.attempts() == 0;
        if (first) {
            order.awaitTurn(sequence);
        }
        try {
            gate.awaitTurn(delivery.batch().batchCallId(), origin.priority());
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

    private void transientFailure(BatchDelivery delivery, BatchOrigin origin, BatchOutcome outcome) {
        Duration backOff = settings.backOff(delivery.failedAttempts() + 1);
        delivery.failed(backOff);
        if (delivery.failedAttempts() >= settings.maxAttempts()) {
            settle(delivery, origin, withDetail(outcome, outcome.detail() + "; gave up after " + delivery.failedAttempts()
                    + " tries"));
            return;
        }
        LOG.warn("{} batch {} for {}: {}; try {} of {} in {} ms", origin.name(),
                delivery.batch().sequence(), delivery.batch().batchCallId(), LogSafe.mask(outcome.detail()),
                delivery.failedAttempts() + 1, settings.maxAttempts(), backOff.toMillis());
    }

    private void rateLimited(BatchDelivery delivery, BatchOrigin origin, BatchOutcome outcome, String retryAfter,
                             String body) {
        Duration wait = answers.rateLimitWait(retryAfter, body, Instant.now())
                .orElseGet(() -> settings.backOff(delivery.rateLimitedAnswers() + 1));
        if (wait.compareTo(settings.initialDelay()) < 0) {
            wait = settings.initialDelay(); // a reset time already past must not turn into a busy loop
        }
        if (delivery.rateLimitedWait().plus(wait).compareTo(settings.rateLimitMaxWait()) > 0) {
            settle(delivery, origin, withDetail(outcome, outcome.detail() + "; still rate limited after waiting "
                    + delivery.rateLimitedWait().toSeconds() + " s"));
            return;
        }
        delivery.rateLimited(wait);
        gate.pauseFor(wait);
        LOG.warn("Rate limited by Truedy ({}): all sending pauses for {} ms", LogSafe.mask(outcome.detail()),
                wait.toMillis());
    }

    private static void settle(BatchDelivery delivery, BatchOrigin origin, BatchOutcome outcome) {
        Settlement.settle(delivery, origin, outcome);
    }

    private static BatchOutcome withDetail(BatchOutcome outcome, String detail) {
        return Settlement.withDetail(outcome, detail);
    }
}
