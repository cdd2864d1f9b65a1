package ai.truedy.loader;

import java.nio.file.Files;
import java.util.List;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

class AcceptedBatchesTest extends LoaderTest {

    static final String TWO_CONTACTS = """
            First Name,Last Name,Phone,E-mail,Company
            Jane,Doe,(212) 736-1000,jane@example.com,Acme
            John,,+44 20 7946 0958,,Globex
            """;

    @Test
    void sends_normalized_contacts_with_the_bearer_key_to_the_batch_call_of_the_folder() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        loader.drop("bc_spring/leads.csv", TWO_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        List<LoggedRequest> requests = TruedyApi.requests(api);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).isEqualTo("/api/public/v1/batch-calls/bc_spring/contacts");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + LoaderFixture.API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBodyAsString()).isEqualToIgnoringWhitespace("""
                {"contacts":[
                  {"phone_number":"+12127361000","first_name":"Jane","last_name":"Doe","email":"jane@example.com"},
                  {"phone_number":"+442079460958","first_name":"John"}]}""");
        assertThat(request.getHeaders().keys()).noneMatch(name -> name.startsWith("Camel"));
    }

    @Test
    void files_the_original_and_a_report_in_done_for_the_schema_shaped_answer() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        loader.drop("bc_spring/leads.csv", TWO_CONTACTS);

        loader.runOnce();

        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(filesIn(loader.done)).containsExactly("leads.csv", "leads.report.json");
        assertThat(Files.readString(loader.done.resolve("leads.csv"))).isEqualTo(TWO_CONTACTS);
        assertThat(filesIn(loader.error)).isEmpty();
        assertThat(filesIn(loader.retry)).isEmpty();

        JsonNode report = loader.report("leads");
        assertThat(report.path("file").asText()).isEqualTo("bc_spring/leads.csv");
        assertThat(report.path("rows").asLong()).isEqualTo(2);
        assertThat(report.path("accepted").asLong()).isEqualTo(2);
        assertThat(report.path("rejected").asLong()).isZero();
        assertThat(report.path("pending_retry").asLong()).isZero();
        assertThat(report.path("api").path("added").asLong()).isEqualTo(2);
        JsonNode batch = report.path("batches").get(0);
        assertThat(batch.path("batch_call_id").asText()).isEqualTo("bc_spring");
        assertThat(batch.path("contacts").asInt()).isEqualTo(2);
        assertThat(batch.path("http_status").asInt()).isEqualTo(200);
        assertThat(batch.path("request_id").asText()).isEqualTo("req_32e7531c-8");
        assertThat(batch.path("outcome").asText()).isEqualTo("accepted");
        assertThat(batch.path("added").asInt()).isEqualTo(2);
        assertThat(batch.path("failed").asInt()).isZero();
    }

    @Test
    void reads_the_counts_of_the_example_shaped_answer() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedSkipped(1, 1, 0, 655)));
        loader.drop("bc_spring/leads.csv", TWO_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        JsonNode report = loader.report("leads");
        assertThat(report.path("accepted").asLong()).isEqualTo(2);
        assertThat(report.path("api").path("added").asLong()).isEqualTo(1);
        assertThat(report.path("api").path("duplicates_skipped").asLong()).isEqualTo(1);
        JsonNode batch = report.path("batches").get(0);
        assertThat(batch.path("request_id").asText()).isEqualTo("req_example");
        assertThat(batch.path("added").asInt()).isEqualTo(1);
        assertThat(batch.path("duplicates_skipped").asInt()).isEqualTo(1);
        assertThat(batch.path("invalid_skipped").asInt()).isZero();
        assertThat(batch.path("total_contacts").asInt()).isEqualTo(655);
    }

    @Test
    void a_file_with_only_a_header_is_done_with_zero_rows_and_no_request() throws Exception {
        loader.drop("bc_spring/empty-list.csv", "phone,first_name\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).isEmpty();
        assertThat(filesIn(loader.done)).containsExactly("empty-list.csv", "empty-list.report.json");
        assertThat(loader.report("empty-list").path("rows").asLong()).isZero();
    }

    @Test
    void an_empty_inbox_ends_the_run_with_exit_code_zero() {
        assertThat(loader.runOnce()).isZero();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }
}
