package ai.truedy.loader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.support.LoaderFixture.RunningLoader;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** loader.approval = required: a file is previewed, waits, and is sent only once a person approves it. */
class ApprovalTest extends LoaderTest {

    static final String LIST = """
            phone,first_name
            +12127361001,Ann
            +12127361002,Bob
            bad,Cy
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int port;

    @BeforeEach
    void approvalRequired() throws IOException {
        port = loader.withConsole();
        loader.with("loader.approval", "required");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
    }

    @Test
    void a_file_waits_with_its_preview_until_approved_and_is_then_sent() throws Exception {
        try (RunningLoader running = loader.startService()) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("api/status").has("csrf_token"));
            loader.drop("bc_1/list.csv", LIST);
            JsonNode waiting = await().atMost(Duration.ofSeconds(20))
                    .until(() -> get("api/files").path("waiting_for_approval"), w -> w.size() == 1 && w.get(0).path("preview").has("rows"))
                    .get(0);
            assertThat(waiting.path("file").asText()).isEqualTo("bc_1/list.csv");
            assertThat(waiting.path("preview").path("rows").asInt()).as(waiting.toString()).isEqualTo(3);
            assertThat(waiting.path("preview").path("accepted").asInt()).isEqualTo(2);
            assertThat(waiting.path("preview").path("reasons").path("invalid_phone").asInt()).isEqualTo(1);
            assertThat(waiting.path("preview").path("requests").asInt()).isEqualTo(1);
            assertThat(TruedyApi.requests(api)).isEmpty();
            assertThat(filesIn(loader.inbox)).contains("bc_1/list.csv");

            HttpResponse<String> approved = post("api/files/" + waiting.path("id").asText() + "/approve");
            assertThat(approved.statusCode()).isEqualTo(200);
            loader.awaitReport("list");

            assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361001", "+12127361002");
            await("the file and its approval archived").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(filesIn(loader.inbox)).doesNotContain("bc_1/list.csv", "bc_1/list.csv.approved"));
            assertThat(loader.report("list").path("accepted").asInt()).isEqualTo(2);
            assertThat(loader.report("list").path("approved_by").asText()).isEqualTo("a console user (no password set), on the console");
        }
    }

    @Test
    void a_file_routed_by_zone_waits_with_the_contacts_each_batch_call_would_get() throws Exception {
        loader.drop("national/.loader.properties", """
                loader.by-zone.bc_east = America/New_York
                loader.by-zone.bc_central = America/Chicago
                """);
        try (RunningLoader running = loader.startService()) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("api/status").has("csrf_token"));
            loader.drop("national/list.csv", "phone\n+12127361001\n+12127361002\n+13127361003\n+442079460101\n");
            JsonNode preview = await().atMost(Duration.ofSeconds(20))
                    .until(() -> get("api/files").path("waiting_for_approval"), w -> w.size() == 1 && w.get(0).path("preview").has("rows"))
                    .get(0).path("preview");

            assertThat(preview.path("routed").path("bc_east").asInt()).as(preview.toString()).isEqualTo(2);
            assertThat(preview.path("routed").path("bc_central").asInt()).isEqualTo(1);
            assertThat(preview.path("reasons").path("time_zone_not_routed").asInt()).isEqualTo(1);
            assertThat(TruedyApi.requests(api)).isEmpty();
        }
    }

    @Test
    void a_discarded_file_goes_to_error_saying_who_discarded_it_and_nothing_is_sent() throws Exception {
        try (RunningLoader running = loader.startService()) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("api/status").has("csrf_token"));
            loader.drop("bc_1/list.csv", LIST);
            String id = await().atMost(Duration.ofSeconds(20))
                    .until(() -> get("api/files").path("waiting_for_approval"), w -> w.size() == 1).get(0).path("id").asText();

            assertThat(post("api/files/" + id + "/discard").statusCode()).isEqualTo(200);

            assertThat(filesIn(loader.error)).contains("list.csv", "list.error.json");
            JsonNode error = loader.errorReport("list");
            assertThat(error.path("error").asText()).contains("discarded on the console by");
            assertThat(error.path("file").asText()).isEqualTo("bc_1/list.csv");
            assertThat(filesIn(loader.inbox)).doesNotContain("bc_1/list.csv");
            assertThat(post("api/files/" + id + "/approve").statusCode()).isEqualTo(404);
        }
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_marker_file_approves_without_the_console() throws Exception {
        try (RunningLoader running = loader.startService()) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("api/status").has("csrf_token"));
            loader.drop("bc_1/list.csv", LIST);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(loader.preview.resolve("bc_1/list.report.json")));
            assertThat(TruedyApi.requests(api)).isEmpty();

            Path marker = Files.writeString(loader.inbox.resolve("bc_1/list.csv.approved"), "");
            Instant made = Files.getLastModifiedTime(marker).toInstant();
            loader.awaitReport("list");
            assertThat(TruedyApi.sentPhones(api)).hasSize(2);
            assertThat(loader.report("list").path("approved_by").asText()).isEqualTo("a list.csv.approved marker");
            assertThat(Instant.parse(loader.report("list").path("approved_at").asText())).isEqualTo(made);
        }
    }

    @Test
    void a_folder_whose_approval_setting_is_misspelt_refuses_its_files_rather_than_load_them_unapproved() throws Exception {
        loader.with("loader.approval", "none");
        loader.drop("bc_1/.loader.properties", "loader.approval = requierd\n");
        loader.drop("bc_1/list.csv", LIST);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("list").path("error").asText()).isEqualTo("the inbox's bc_1/.loader.properties sets"
                + " loader.approval = 'requierd'; it must be none or required");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    JsonNode get(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> post(String path) throws Exception {
        String token = get("api/status").path("csrf_token").asText();
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody())
                .header("X-CSRF-Token", token).build(), HttpResponse.BodyHandlers.ofString());
    }

    String base() {
        return "http://127.0.0.1:" + port + "/";
    }
}
