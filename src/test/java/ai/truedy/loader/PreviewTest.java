package ai.truedy.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.support.CapturedStdout;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.ReportSchemas;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static ai.truedy.loader.support.LoaderFixture.csv;
import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * --preview reads the inbox as a load would and sends nothing: no request reaches the API, the
 * inbox is left as it is, no journal is written, and what a load would do is in loader.preview-dir.
 */
class PreviewTest extends LoaderTest {

    /** Every kind of row: sent, sent with a warning, rejected for each of several reasons. */
    static final String LIST = """
            phone,first_name,email
            +12127361001,Ann,ann@example.com
            (310) 555-0100,Bob,not-an-email
            +12127361001,Ann again,
            call me,Cat,
            +12085550100,Dan,
            +13125550100,Eve,
            +12125550000,Fay,
            """;

    @RegisterExtension
    final CapturedStdout stdout = new CapturedStdout();

    private Path lists;

    @BeforeEach
    void listsAndAnApiThatMustNotBeCalled() throws IOException {
        api.stubFor(any(anyUrl()).willReturn(TruedyApi.error(500, "preview_sent_a_request", "a preview sent this")));
        lists = Files.createDirectories(root.resolve("dnc"));
        Files.writeString(lists.resolve("opt-outs.txt"), "+1 212 555 0000\n");
        loader.with("loader.dnc.dir", lists.toString()).with("truedy.batch-size", "2")
                .with("truedy.rate-limit.requests-per-minute", "60");
    }

    @Test
    void sends_nothing_moves_nothing_journals_nothing_and_writes_what_a_load_would_do() throws Exception {
        loader.drop("bc_1/list.csv", LIST);
        loader.drop("bc_2/list.csv", "phone\n+442079460958\n");
        Map<String, String> inboxBefore = snapshot(loader.inbox);

        assertThat(loader.previewOnce()).as("rows would be rejected: the exit code a load would have").isEqualTo(3);

        assertThat(api.getAllServeEvents()).as("requests the API received").isEmpty();
        assertThat(snapshot(loader.inbox)).as("the inbox, byte for byte and by time").isEqualTo(inboxBefore);
        assertThat(filesIn(root.resolve("state"))).as("journals").isEmpty();
        assertThat(filesIn(loader.done)).isEmpty();
        assertThat(filesIn(loader.error)).isEmpty();
        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(filesIn(loader.sandbox)).isEmpty();
        assertThat(filesIn(loader.preview)).containsExactly("bc_1/list.rejected.csv", "bc_1/list.report.json",
                "bc_1/list.warnings.csv", "bc_2/list.report.json");

        JsonNode report = preview("bc_1/list");
        assertThat(report.path("preview").asBoolean()).isTrue();
        assertThat(report.path("accepted").asInt()).as("rows a load would send").isEqualTo(4);
        assertThat(report.path("reasons").toString())
                .isEqualTo("{\"do_not_call\":1,\"duplicate_in_file\":1,\"invalid_phone\":1}");
        assertThat(report.path("outputs").path("original").asText()).isEqualTo(loader.inbox.resolve("bc_1/list.csv").toString());
        assertThat(csv(loader.preview.resolve("bc_1/list.rejected.csv"))).extracting(row -> row.get("first_name") + " "
                + row.get("reason")).containsExactly("Ann again duplicate_in_file", "Cat invalid_phone", "Fay do_not_call");
    }

    @Test
    void prints_per_file_what_would_go_to_each_batch_call_and_how_long_it_takes_at_the_budget() throws Exception {
        loader.drop("bc_1/list.csv", LIST);

        loader.previewOnce();

        assertThat(stdout.text()).contains("Preview of bc_1/list.csv (nothing sent): 7 rows",
                "would send 4", "batch call bc_1: 4 contacts in 2 requests, UTC-08:00 to UTC-05:00 now",
                "rejected 3: do_not_call 1, duplicate_in_file 1, invalid_phone 1",
                "sent with a warning 1: invalid_email 1",
                "phone columns: phone 4",
                "2 requests, about 2 s at 60 requests a minute",
                "report: " + loader.preview.resolve("bc_1/list.report.json"));
    }

    @Test
    void its_report_matches_what_a_real_load_of_the_same_file_does() throws Exception {
        loader.drop("bc_1/list.csv", LIST);
        loader.previewOnce();
        assertThat(api.getAllServeEvents()).isEmpty();

        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).hasSize(4);
        assertThat(comparable(preview("bc_1/list"))).isEqualTo(comparable(loader.report("list")));
        assertThat(csv(loader.preview.resolve("bc_1/list.rejected.csv"))).isEqualTo(loader.rejectedRows("list"));
        assertThat(csv(loader.preview.resolve("bc_1/list.warnings.csv")))
                .isEqualTo(csv(loader.error.resolve("list.warnings.csv")));
    }

    @Test
    void content_loaded_lately_is_shown_as_a_load_would_skip_it_and_the_state_is_only_read() throws Exception {
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.drop("bc_1/list.csv", "phone\n+12127361001\n");
        assertThat(loader.runOnce()).isZero();
        loader.drop("bc_1/again.csv", "phone\n+12127361001\n");
        Map<String, String> stateBefore = snapshot(root.resolve("state"));
        api.resetRequests();

        assertThat(loader.previewOnce()).isZero();

        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(snapshot(root.resolve("state"))).isEqualTo(stateBefore);
        JsonNode report = preview("bc_1/again");
        assertThat(report.path("preview").asBoolean()).isTrue();
        assertThat(report.path("duplicate_of").asText()).isEqualTo("bc_1/list.csv");
        assertThat(report.path("rows").asInt()).isZero();
        assertThat(stdout.text()).contains("Preview of bc_1/again.csv (nothing sent): a load would skip it, as the same"
                + " content was loaded as bc_1/list.csv");
    }

    @Test
    void a_file_that_cannot_be_read_gets_its_error_file_in_the_preview_folder_and_stays() throws Exception {
        loader.drop("bc_1/names.csv", "first_name,last_name\nAnn,Lee\n");

        assertThat(loader.previewOnce()).isEqualTo(3);

        assertThat(filesIn(loader.inbox)).containsExactly("bc_1/names.csv");
        JsonNode error = ReportSchemas.validated(loader.preview.resolve("bc_1/names.error.json"));
        assertThat(error.path("error").asText()).contains("no phone column");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_stale_do_not_call_list_shows_the_rows_waiting_in_retry_as_a_load_would_leave_them() throws Exception {
        Files.setLastModifiedTime(lists.resolve("opt-outs.txt"), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        loader.with("loader.dnc.max-age", "31d").drop("bc_1/list.csv", "phone\n+12127361001\n");

        assertThat(loader.previewOnce()).isEqualTo(3);

        JsonNode report = preview("bc_1/list");
        assertThat(report.path("pending_retry").asInt()).isEqualTo(1);
        assertThat(report.path("batches").get(0).path("detail").asText())
                .contains("the do-not-call list opt-outs.txt is older than loader.dnc.max-age");
        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(stdout.text()).contains("would wait in retry/ 1: not sent: sending is held");
    }

    private JsonNode preview(String stem) throws IOException {
        return ReportSchemas.validated(loader.preview.resolve(stem + ".report.json"));
    }

    /** A report without what differs between a preview and a load: times, paths, the API's answers. */
    private static JsonNode comparable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove(List.of("preview", "started_at", "finished_at", "outputs", "api"));
        copy.withArray("batches").forEach(batch -> ((ObjectNode) batch).remove(List.of("attempts", "http_status",
                "request_id", "added", "failed", "duplicates_skipped", "invalid_skipped", "total_contacts",
                "detail")));
        return copy;
    }

    /** Each file in a folder with its time and content (the sent memory's files are binary). */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : LoaderFixture.filesIn(folder)) {
            Path file = folder.resolve(name);
            files.put(name, Files.getLastModifiedTime(file) + " " + java.util.Base64.getEncoder().encodeToString(
                    Files.readAllBytes(file)));
        }
        return files;
    }
}
