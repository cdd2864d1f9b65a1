package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a batch's rows for each kind of answer the API gives, or fails to give, when the
 * answer is final (one try allowed). DeliveryGuaranteesTest covers trying again.
 */
class ApiAnswerOutcomesTest extends LoaderTest {

    static final String CALL_LIST = """
            phone_number,first_name,notes
            +12127361000,Jane,VIP
            +14155550132,John,"call after 5, not before"
            """;

    @BeforeEach
    void setUp() throws Exception {
        loader.drop("bc_1/list.csv", CALL_LIST);
    }

    @Test
    void a_400_rejects_the_batch_rows_with_the_api_error_code_and_message() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(400, "bad_request", "Batch call is completed")));

        assertThat(loader.runOnce()).isEqualTo(3);

        List<Map<String, String>> rejected = loader.rejectedRows("list");
        assertThat(rejected).extracting(row -> row.get("phone_number"))
                .containsExactly("+12127361000", "+14155550132");
        assertThat(rejected.get(1)).containsEntry("notes", "call after 5, not before")
                .containsEntry("row", "2")
                .containsEntry("reason", "api_rejected")
                .containsEntry("detail", "HTTP 400 bad_request: Batch call is completed (request req_err_400)");
        JsonNode report = loader.report("list");
        assertThat(report.path("rejected").asLong()).isEqualTo(2);
        assertThat(report.path("reasons").path("api_rejected").asLong()).isEqualTo(2);
        assertThat(report.path("batches").get(0).path("outcome").asText()).isEqualTo("rejected");
        assertThat(report.path("batches").get(0).path("http_status").asInt()).isEqualTo(400);
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json");
        assertThat(filesIn(loader.retry)).isEmpty();
    }

    @Test
    void a_404_rejects_the_rows_as_batch_call_not_found() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(404, "not_found", "Batch call not found")));

        loader.runOnce();

        assertThat(loader.rejectedRows("list")).extracting(row -> row.get("reason"))
                .containsOnly("batch_call_not_found");
        assertThat(loader.rejectedRows("list").get(0).get("detail")).contains("HTTP 404", "Batch call not found");
    }

    @Test
    void a_422_rejects_the_rows_with_the_validation_messages() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.json(422, """
                {"detail":[{"loc":["body","contacts",1,"phone_number"],
                            "msg":"String should match pattern","type":"string_pattern_mismatch"}]}""")));

        loader.runOnce();

        List<Map<String, String>> rejected = loader.rejectedRows("list");
        assertThat(rejected).extracting(row -> row.get("reason")).containsOnly("api_validation");
        assertThat(rejected.get(0).get("detail"))
                .isEqualTo("HTTP 422: body.contacts.1.phone_number: String should match pattern");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 402, 403, 429, 500, 503})
    void answers_about_the_account_the_rate_or_the_server_put_the_rows_in_retry(int status) throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(status, "some_error", "try later")));
        loader.with("truedy.retry.max-attempts", "1").with("truedy.rate-limit.max-wait", "0ms");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.retryRows("list.retry-1.csv")).containsExactly(
                Map.of("phone_number", "+12127361000", "first_name", "Jane", "notes", "VIP", "batch_call_id", "bc_1"),
                Map.of("phone_number", "+14155550132", "first_name", "John", "notes", "call after 5, not before",
                        "batch_call_id", "bc_1"));
        JsonNode report = loader.report("list");
        assertThat(report.path("pending_retry").asLong()).isEqualTo(2);
        assertThat(report.path("batches").get(0).path("outcome").asText()).isEqualTo("retry");
        assertThat(report.path("batches").get(0).path("http_status").asInt()).isEqualTo(status);
        assertThat(filesIn(loader.error)).isEmpty();
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json");
        assertThat(TruedyApi.requests(api)).as("one try allowed; the HTTP client must not re-send by itself")
                .hasSize(1);
    }

    @Test
    void a_read_timeout_puts_the_rows_in_retry() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0).withFixedDelay(3000)));
        loader.with("truedy.read-timeout", "500ms").with("truedy.retry.max-attempts", "1");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.retryRows("list.retry-1.csv")).extracting(row -> row.get("phone_number"))
                .containsExactly("+12127361000", "+14155550132");
        JsonNode batch = loader.report("list").path("batches").get(0);
        assertThat(batch.path("outcome").asText()).isEqualTo("retry");
        assertThat(batch.has("http_status")).as("every batch entry has every key").isTrue();
        assertThat(batch.path("http_status").isNull()).as("no answer came: null").isTrue();
        assertThat(batch.path("request_id").isNull()).isTrue();
        assertThat(batch.path("added").isNull()).isTrue();
        assertThat(batch.path("detail").asText()).startsWith("no answer from the API").containsIgnoringCase("timeout");
    }

    @Test
    void a_reset_connection_puts_the_rows_in_retry() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        loader.with("truedy.retry.max-attempts", "1");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.retryRows("list.retry-1.csv")).hasSize(2);
        assertThat(loader.report("list").path("pending_retry").asLong()).isEqualTo(2);
    }

    @Test
    void a_retry_file_moved_back_into_the_inbox_sends_exactly_its_rows_to_their_batch_call() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.runOnce();
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        Files.move(loader.retry.resolve("list.retry-1.csv"), loader.inbox.resolve("list.retry-1.csv"));
        Files.setLastModifiedTime(loader.inbox.resolve("list.retry-1.csv"), FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).isEqualTo("/api/public/v1/batch-calls/bc_1/contacts"));
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+14155550132");
        assertThat(loader.report("list.retry-1").path("accepted").asLong()).isEqualTo(2);
    }
}
