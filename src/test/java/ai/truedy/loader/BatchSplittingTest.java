package ai.truedy.loader;

import java.util.List;
import java.util.stream.IntStream;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts go out in batches of at most truedy.batch-size, one batch call each, each batch in file order. */
class BatchSplittingTest extends LoaderTest {

    @BeforeEach
    void setUp() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void splits_at_the_batch_size_and_sends_the_last_partial_batch_at_end_of_file() throws Exception {
        loader.with("truedy.batch-size", "100").drop("bc_1/list.csv", csvOfPhones(250));

        assertThat(loader.runOnce()).isZero();

        List<List<String>> batches = sentPhonesByBatch();
        assertThat(batches).as("two senders: batches may arrive in any order, each in file order")
                .containsExactlyInAnyOrder(phones(250).subList(0, 100), phones(250).subList(100, 200),
                        phones(250).subList(200, 250));
        JsonNode report = loader.report("list");
        assertThat(report.path("accepted").asLong()).isEqualTo(250);
        assertThat(report.path("batches")).extracting(batch -> batch.path("first_row").asLong() + "-"
                + batch.path("last_row").asLong()).containsExactly("1-100", "101-200", "201-250");
    }

    @Test
    void keeps_one_batch_call_per_batch_when_rows_of_two_calls_interleave() throws Exception {
        loader.with("truedy.batch-size", "2").drop("list.csv", """
                phone,batch_call_id
                +12127361001,bc_a
                +12127361002,bc_b
                +12127361003,bc_a
                +12127361004,bc_b
                +12127361005,bc_a
                """);

        loader.runOnce();

        List<LoggedRequest> requests = TruedyApi.requests(api);
        List<String> batchCalls = requests.stream().map(LoggedRequest::getUrl)
                .map(url -> url.replaceAll(".*/batch-calls/([^/]+)/contacts", "$1")).toList();
        List<List<String>> batches = sentPhonesByBatch();
        for (int i = 0; i < batches.size(); i++) {
            String batchCall = batchCalls.get(i);
            assertThat(batches.get(i)).as("batch %d to %s", i, batchCall)
                    .allMatch(phone -> batchCall(phone).equals(batchCall));
        }
        assertThat(batches).containsExactlyInAnyOrder(
                List.of("+12127361001", "+12127361003"),
                List.of("+12127361002", "+12127361004"),
                List.of("+12127361005"));
    }

    /** In the interleaving test, odd numbers belong to bc_a and even ones to bc_b. */
    static String batchCall(String phone) {
        return (phone.charAt(phone.length() - 1) - '0') % 2 == 1 ? "bc_a" : "bc_b";
    }

    List<List<String>> sentPhonesByBatch() {
        return TruedyApi.sentBatches(api).stream()
                .map(batch -> batch.stream().map(contact -> contact.path("phone_number").asText()).toList()).toList();
    }

    static List<String> phones(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "+1212555%04d".formatted(i)).toList();
    }

    static String csvOfPhones(int count) {
        StringBuilder csv = new StringBuilder("phone_number\n");
        phones(count).forEach(phone -> csv.append(phone).append('\n'));
        return csv.toString();
    }
}
