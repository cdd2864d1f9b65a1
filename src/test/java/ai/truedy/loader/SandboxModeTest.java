package ai.truedy.loader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.truedy.loader.sandbox.TruedySandbox;
import ai.truedy.loader.support.LoaderFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an API key the loader sends to its built-in sandbox, which answers like the documented API. */
class SandboxModeTest {

    @TempDir
    Path root;

    TruedySandbox sandbox;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void the_loader_without_a_key_loads_into_the_sandbox_and_keeps_what_it_received() throws Exception {
        LoaderFixture loader = new LoaderFixture(root, "https://api.truedy.ai/api/public/v1").with("truedy.api-key", "");
        loader.drop("demo/list.csv", """
                phone,first_name
                (212) 736-1000,Jane
                +44 20 7946 0958,Oliver
                """);

        assertThat(loader.runOnce()).isZero();

        assertThat(Files.readAllLines(loader.sandbox.resolve("demo.jsonl"))).containsExactly(
                "{\"phone_number\":\"+12127361000\",\"first_name\":\"Jane\"}",
                "{\"phone_number\":\"+442079460958\",\"first_name\":\"Oliver\"}");
        JsonNode report = loader.report("list");
        assertThat(report.path("accepted").asLong()).isEqualTo(2);
        assertThat(report.path("api").path("added").asLong()).isEqualTo(2);
        assertThat(report.path("batches").get(0).path("request_id").asText()).startsWith("req_");
    }

    @Test
    void refuses_a_request_without_a_bearer_token() throws Exception {
        sandbox = TruedySandbox.start(0, root);

        HttpResponse<String> answer = post("bc_1", null, "{\"contacts\":[{\"phone_number\":\"+12127361000\"}]}");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json.readTree(answer.body()).path("error").path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void answers_422_with_the_location_of_each_contact_that_breaks_the_schema() throws Exception {
        sandbox = TruedySandbox.start(0, root);

        HttpResponse<String> answer = post("bc_1", sandbox.apiKey(), """
                {"contacts":[{"phone_number":"+12127361000"},{"phone_number":"212-736-1000"},{"first_name":"X"}]}""");

        assertThat(answer.statusCode()).isEqualTo(422);
        List<String> locations = json.readTree(answer.body()).path("detail").findValues("loc").stream()
                .map(JsonNode::toString).toList();
        assertThat(locations).containsExactly("[\"body\",\"contacts\",1,\"phone_number\"]",
                "[\"body\",\"contacts\",2,\"phone_number\"]");
    }

    @Test
    void counts_numbers_a_batch_call_already_has_as_duplicates() throws Exception {
        sandbox = TruedySandbox.start(0, root);
        post("bc_1", "any-key", "{\"contacts\":[{\"phone_number\":\"+12127361000\"}]}");

        HttpResponse<String> answer = post("bc_1", "any-key",
                "{\"contacts\":[{\"phone_number\":\"+12127361000\"},{\"phone_number\":\"+12127361001\"}]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("data").path("added").asInt()).isEqualTo(1);
        assertThat(body.path("data").path("duplicates_skipped").asInt()).isEqualTo(1);
        assertThat(body.path("data").path("total_contacts").asInt()).isEqualTo(2);
        assertThat(body.path("meta").path("request_id").asText()).startsWith("req_");
        assertThat(body.path("meta").path("ts").asText()).isNotEmpty();
    }

    private HttpResponse<String> post(String batchCallId, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/batch-calls/" + batchCallId + "/contacts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
