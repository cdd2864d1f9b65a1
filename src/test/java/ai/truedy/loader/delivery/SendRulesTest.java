package ai.truedy.loader.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.Contact;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send rules, one test per row of {@link SendRules}' table: a batch of four contacts, one try
 * answered as the row says, carried out by the real {@link SendPolicy} and {@link SendGate}, with no HTTP.
 */
class SendRulesTest {

    static final String OK = "{\"data\":{\"added_count\":4,\"failed_count\":0}}";

    final SendGate gate = new SendGate(0, 1);
    final SendPolicy policy = new SendPolicy(new ApiAnswers(ApiJson.mapper()), gate,
            new DeliverySettings(3, Duration.ofMillis(1), Duration.ofMillis(2), 0, 1, Duration.ofSeconds(30),
                    Duration.ofMinutes(5)), (status, accepted, latency) -> { });
    final List<BatchSettled> settled = new ArrayList<>();
    final List<String> rejectedByName = new ArrayList<>();
    final BatchOrigin origin = new BatchOrigin("list.csv", new BatchListener() {
        @Override
        public void settled(BatchSettled batch) {
            settled.add(batch);
        }

        @Override
        public void rejectedByApi(SourceRow row, String reason) {
            rejectedByName.add(row.number() + " " + reason);
        }
    });
    final BatchDelivery delivery = new BatchDelivery(batch("bc_1", 1, 4));

    @Test
    void a_2xx_settles_the_batch_as_accepted() throws Exception {
        answer(200, OK, null);

        assertThat(settled).singleElement().satisfies(batch -> {
            assertThat(batch.outcome().disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(batch.batch().size()).isEqualTo(4);
        });
        assertThat(delivery.isSendAgain()).isFalse();
    }

    @Test
    void a_429_pauses_all_sending_until_its_reset_time_and_sends_again_without_counting_a_failed_try() throws Exception {
        answer(429, "{\"error\":{\"code\":\"rate_limited\",\"details\":{\"reset_at\":\"2099-01-01T00:00:00Z\"}}}", null);

        assertThat(settled).as("waiting past truedy.rate-limit.max-wait: retry/").singleElement()
                .satisfies(batch -> assertThat(batch.outcome().detail()).contains("still rate limited"));

        BatchDelivery again = new BatchDelivery(batch("bc_1", 2, 4));
        answer(again, 429, "{\"error\":{\"details\":{\"reset_at\":\"" + java.time.Instant.now().plusSeconds(1) + "\"}}}", null);
        assertThat(again.isSendAgain()).isTrue();
        assertThat(again.failedAttempts()).isZero();
        assertThat(again.rateLimitedAnswers()).isEqualTo(1);
    }

    @Test
    void a_401_402_or_403_suspends_all_sending_and_puts_the_batch_in_retry() throws Exception {
        answer(402, "{\"error\":{\"code\":\"insufficient_credits\",\"message\":\"top up\"}}", null);

        assertThat(gate.suspension()).startsWith("sending is suspended until ").contains("HTTP 402 insufficient_credits");
        assertThat(settled).singleElement().satisfies(batch ->
                assertThat(batch.outcome().disposition()).isEqualTo(Disposition.RETRY));
    }

    @Test
    void a_404_rejects_the_batch_and_the_later_batches_of_its_batch_call_unsent() throws Exception {
        answer(404, "{\"error\":{\"code\":\"not_found\"}}", null);
        BatchDelivery later = new BatchDelivery(batch("bc_1", 2, 4));

        assertThat(policy.awaitTurn(later, origin)).as("no request for the later batch").isFalse();

        assertThat(settled).extracting(batch -> batch.outcome().reason().code())
                .containsExactly("batch_call_not_found", "batch_call_not_found");
    }

    @Test
    void a_413_splits_the_batch_in_halves_and_sends_the_first() throws Exception {
        answer(413, "", null);

        assertThat(settled).isEmpty();
        assertThat(delivery.isSendAgain()).isTrue();
        assertThat(delivery.batch().size()).isEqualTo(2);
        assertThat(delivery.isSplit()).isTrue();
    }

    @Test
    void a_422_rejects_the_contacts_it_names_and_sends_the_rest_once_more() throws Exception {
        answer(422, """
                {"detail":[{"loc":["body","contacts",1,"phone_number"],"msg":"Number is blocked"}]}""", null);

        assertThat(rejectedByName).containsExactly("2 HTTP 422: body.contacts.1.phone_number: Number is blocked");
        assertThat(delivery.batch().items()).extracting(item -> item.row().number()).containsExactly(1L, 3L, 4L);
        assertThat(delivery.isSendAgain()).isTrue();
    }

    @Test
    void a_408_is_sent_again_after_a_back_off_then_goes_to_retry() throws Exception {
        for (int tryNumber = 0; tryNumber < 3; tryNumber++) {
            answer(408, "", null);
        }

        assertThat(settled).singleElement().satisfies(batch -> {
            assertThat(batch.outcome().disposition()).isEqualTo(Disposition.RETRY);
            assertThat(batch.outcome().detail()).endsWith("gave up after 3 tries");
        });
    }

    @Test
    void another_4xx_rejects_the_batch_for_good() throws Exception {
        answer(400, "{\"error\":{\"code\":\"bad_request\",\"message\":\"malformed\"}}", null);

        assertThat(settled).singleElement().satisfies(batch -> {
            assertThat(batch.outcome().disposition()).isEqualTo(Disposition.REJECTED);
            assertThat(batch.outcome().reason().code()).isEqualTo("api_rejected");
        });
    }

    @Test
    void a_5xx_is_sent_again_after_a_back_off() throws Exception {
        answer(503, "<html>down</html>", null);

        assertThat(settled).isEmpty();
        assertThat(delivery.isSendAgain()).isTrue();
        assertThat(delivery.failedAttempts()).isEqualTo(1);
    }

    @Test
    void no_answer_is_sent_again_after_a_back_off() throws Exception {
        assertThat(policy.awaitTurn(delivery, origin)).isTrue();
        policy.afterAnswer(delivery, origin, Answer.none(new ConnectException("Connection refused")));

        assertThat(delivery.isSendAgain()).isTrue();
        assertThat(delivery.failedAttempts()).isEqualTo(1);
        assertThat(SendRules.of(Answer.none(new IOException("reset")))).isSameAs(SendRules.NO_ANSWER);
    }

    @Test
    void every_status_has_a_row() {
        IntStream.range(100, 600).forEach(status -> assertThat(SendRules.forStatus(status)).isNotNull());
        assertThat(SendRules.forStatus(302).action()).isEqualTo(SendRules.Action.SEND_AGAIN_AFTER_BACK_OFF);
    }

    private void answer(int status, String body, String retryAfter) throws InterruptedException {
        answer(delivery, status, body, retryAfter);
    }

    private void answer(BatchDelivery on, int status, String body, String retryAfter) throws InterruptedException {
        while (on.isSendAgain() && !policy.awaitTurn(on, origin)) {
            // settled without a call
        }
        if (on.isSendAgain()) {
            policy.afterAnswer(on, origin, new Answer(status, body, retryAfter, null));
        }
    }

    private static Batch batch(String batchCallId, int sequence, int contacts) {
        List<Ready> items = new ArrayList<>();
        for (int row = 1; row <= contacts; row++) {
            items.add(new Ready(new SourceRow(row, new String[] {"+1212736100" + row}), batchCallId,
                    new Contact("+1212736100" + row, null, null, null), List.of()));
        }
        return new Batch(batchCallId, sequence, items);
    }
}
