package ai.truedy.loader.delivery;

import java.util.List;
import java.util.function.IntPredicate;

import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.RejectReason;

/**
 * The send rules, as one table: what is done with each answer of "Add Contacts to Batch Call",
 * or with no answer at all. {@link SendPolicy} carries the actions out; {@link ApiAnswers} reads
 * the body. The first row that matches the status applies:
 *
 * <pre>
 * answer                        action                       rows, when settled
 * 2xx                           SETTLE                       accepted
 * 429                           PAUSE_AND_SEND_AGAIN         retry/ after truedy.rate-limit.max-wait
 * 401, 402, 403                 SUSPEND_SENDING              retry/ (unsent meanwhile)
 * 404                           REJECT_BATCH_CALL            rejected: batch_call_not_found
 * 413                           SPLIT                        each half on its own; one contact: retry/
 * 422                           REJECT_NAMED_AND_SEND_REST   named: api_validation; none named: all of them
 * 408                           SEND_AGAIN_AFTER_BACK_OFF    retry/ after truedy.retry.max-attempts
 * other 4xx                     SETTLE                       rejected: api_rejected
 * 5xx, 1xx, 3xx                 SEND_AGAIN_AFTER_BACK_OFF    retry/ after truedy.retry.max-attempts
 * no answer (refused, reset,    SEND_AGAIN_AFTER_BACK_OFF    retry/ after truedy.retry.max-attempts
 *   timed out)
 * </pre>
 */
public final class SendRules {

    /** What is done with a batch after an answer. */
    public enum Action {
        /** Settle the batch with the outcome: accepted, or rejected for good (it is the data). */
        SETTLE,
        /** Pause all sending until the API's reset time and send again; it is not a failed try. */
        PAUSE_AND_SEND_AGAIN,
        /** Stop all sending for {@code truedy.auth-pause}: the account or key needs attention. */
        SUSPEND_SENDING,
        /** Reject the batch, and the later batches of its batch call in the same file, unsent. */
        REJECT_BATCH_CALL,
        /** Halve the part being sent and send both halves, one after the other. */
        SPLIT,
        /** Reject the contacts the answer names, and send the rest once more. */
        REJECT_NAMED_AND_SEND_REST,
        /** Send the same batch again after a back-off. */
        SEND_AGAIN_AFTER_BACK_OFF
    }

    /**
     * One row of the table.
     *
     * @param answer      the answer, in words
     * @param disposition where the rows go when the batch is settled with it
     * @param reason      why they are rejected, when they are
     */
    public record Rule(String answer, IntPredicate status, Action action, Disposition disposition, RejectReason reason) {
    }

    /** The table, in the order it is read. */
    public static final List<Rule> TABLE = List.of(
            new Rule("2xx", status -> status >= 200 && status < 300, Action.SETTLE, Disposition.ACCEPTED, null),
            new Rule("429", status -> status == 429, Action.PAUSE_AND_SEND_AGAIN, Disposition.RETRY, null),
            new Rule("401, 402, 403", status -> status == 401 || status == 402 || status == 403, Action.SUSPEND_SENDING,
                    Disposition.RETRY, null),
            new Rule("404", status -> status == 404, Action.REJECT_BATCH_CALL, Disposition.REJECTED,
                    RejectReason.BATCH_CALL_NOT_FOUND),
            new Rule("413", status -> status == 413, Action.SPLIT, Disposition.RETRY, null),
            new Rule("422", status -> status == 422, Action.REJECT_NAMED_AND_SEND_REST, Disposition.REJECTED,
                    RejectReason.API_VALIDATION),
            new Rule("408", status -> status == 408, Action.SEND_AGAIN_AFTER_BACK_OFF, Disposition.RETRY, null),
            new Rule("other 4xx", status -> status >= 400 && status < 500, Action.SETTLE, Disposition.REJECTED,
                    RejectReason.API_REJECTED),
            new Rule("5xx, 1xx, 3xx", status -> true, Action.SEND_AGAIN_AFTER_BACK_OFF, Disposition.RETRY, null));

    /** No answer at all: the connection was refused or reset, or timed out; nothing says the data is wrong. */
    public static final Rule NO_ANSWER = new Rule("no answer (refused, reset, timed out)", status -> false,
            Action.SEND_AGAIN_AFTER_BACK_OFF, Disposition.RETRY, null);

    private SendRules() {
    }

    /** The row for an HTTP status. */
    public static Rule forStatus(int status) {
        return TABLE.stream().filter(rule -> rule.status().test(status)).findFirst().orElseThrow();
    }

    /** The row for an answer: its status's, or {@link #NO_ANSWER}. */
    static Rule of(Answer answer) {
        return answer.failure() != null ? NO_ANSWER : forStatus(answer.status());
    }
}
