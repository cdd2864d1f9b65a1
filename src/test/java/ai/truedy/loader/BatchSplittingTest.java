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

/** Contacts go out in batches of at most truedy.batch-size, one batch call each, in file order. */
class BatchSplittingTest extends LoaderTest {

    @BeforeEach
    void setUp() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void splits_at_the_batch_size_and_sends_the_last_partial_batch_at_end_of_file() throws Exception {
        loader.with("truedy.batch-size", "100").drop("bc_1/list.csv", csvOfPhones(250));

        assertThat(loader.runOnce()).isZero();

        List<List<JsonNode>> batches = TruedyApi.sentBatches(api);
        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(TruedyApi.sentPhones(api)).containsExactlyElementsOf(phones(250));
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
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly(
                "/api/public/v1/batch-calls/bc_a/contacts",
                "/api/public/v1/batch-calls/bc_b/contacts",
                "/api/public/v1/batch-calls/bc_a/contacts");
        assertThat(TruedyApi.sentBatches(api)).extracting(batch -> batch.stream()
                .map(contact -> contact.path("phone_number").asText()).toList()).containsExactly(
                List.of("+12127361001", "+12127361003"),
                List.of("+12127361002", "+12127361004"),
                List.of("+12127361005"));
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
