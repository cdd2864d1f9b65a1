package ai.truedy.loader.kamelet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * This example's routes and application.properties on Camel Main, against a WireMock stand-in
 * for Truedy on loopback: JSON files dropped into the folder go through the Kamelet.
 */
class JsonContactsTest {

    static final String CONTACTS = """
            [{"phone_number":"(212) 736-1000","first_name":"Jane"},
             {"phone":"+1 415 555 0132","name":"John Smith"},
             {"phone_number":"12"}]""";

    final ObjectMapper json = new ObjectMapper();
    final WireMockServer truedy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    final Main camel = new Main();
    Thread running;

    @TempDir
    Path folder;

    @BeforeEach
    void start() {
        truedy.start();
        camel.addOverrideProperty("contacts.folder", folder.toString());
        camel.addOverrideProperty("truedy.base-url", truedy.baseUrl() + "/api/public/v1");
        camel.addOverrideProperty("truedy.api-key", "example-key");
        camel.addOverrideProperty("truedy.batch-call-id", "bc_json");
        running = new Thread(() -> {
            try {
                camel.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "camel-main");
        running.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        camel.completed();
        running.join(TimeUnit.SECONDS.toMillis(30));
        truedy.stop();
    }

    @Test
    void sends_the_contacts_of_a_dropped_file_and_files_every_outcome_in_done() throws Exception {
        truedyAnswers(200, "{\"data\":{\"added_count\":2,\"failed_count\":0},\"meta\":{\"request_id\":\"req_1\"}}");

        drop("march.json", CONTACTS);

        Path result = folder.resolve("done/march.result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        JsonNode outcome = json.readTree(result.toFile());
        assertThat(outcome.path("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.path("rejected")).singleElement().satisfies(rejected -> {
            assertThat(rejected.path("index").asInt()).isEqualTo(2);
            assertThat(rejected.path("reason").asText()).isEqualTo("invalid_phone");
        });
        assertThat(folder.resolve("done/march.json")).hasContent(CONTACTS);
        truedy.verify(1, postRequestedFor(urlPathEqualTo("/api/public/v1/batch-calls/bc_json/contacts"))
                .withHeader("Authorization", equalTo("Bearer example-key"))
                .withRequestBody(equalTo("{\"contacts\":[{\"phone_number\":\"+12127361000\",\"first_name\":\"Jane\"},"
                        + "{\"phone_number\":\"+14155550132\",\"first_name\":\"John\",\"last_name\":\"Smith\"}]}")));
    }

    @Test
    void contacts_that_could_not_be_sent_wait_in_not_sent_as_they_came() throws Exception {
        truedyAnswers(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Invalid API key\"},\"meta\":{}}");

        drop("april.json", CONTACTS);

        Path notSent = folder.resolve("not-sent/april.not-sent.json");
        // the result is written by the route, the original moved once the route is done: both are waited for
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done/april.result.json"))
                && Files.exists(folder.resolve("done/april.json")));
        assertThat(json.readTree(notSent.toFile())).isEqualTo(json.readTree("""
                [{"phone_number":"(212) 736-1000","first_name":"Jane"},
                 {"phone":"+1 415 555 0132","name":"John Smith"}]"""));
        JsonNode outcome = json.readTree(folder.resolve("done/april.result.json").toFile());
        assertThat(outcome.path("accepted").asInt()).isZero();
        assertThat(outcome.path("not_sent_count").asInt()).isEqualTo(2);
        assertThat(outcome.path("reasons").path("invalid_phone").asInt()).isEqualTo(1);
        assertThat(folder.resolve("done/april.json")).exists();
    }

    /** Every contacts request gets this answer. */
    private void truedyAnswers(int status, String body) {
        truedy.stubFor(post(urlPathMatching("/api/public/v1/batch-calls/.*/contacts")).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Written under a name the route ignores, then renamed, as a careful producer would. */
    private void drop(String name, String content) throws IOException {
        Path part = Files.writeString(folder.resolve(name + ".part"), content, StandardCharsets.UTF_8);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
