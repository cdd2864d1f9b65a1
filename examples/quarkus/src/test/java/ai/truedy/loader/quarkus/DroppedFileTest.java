package ai.truedy.loader.quarkus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The loader's own routes and beans, running on Quarkus, load a file dropped into the inbox. */
@QuarkusTest
@QuarkusTestResource(TruedyStandIn.class)
class DroppedFileTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_csv_dropped_in_the_inbox_reaches_truedy_and_is_reported_in_done() throws Exception {
        Path folders = TruedyStandIn.folders;
        Path campaign = Files.createDirectories(folders.resolve("inbox/bc_quarkus"));
        Path written = Files.writeString(campaign.resolve(".contacts.csv.part"), """
                phone_number,first_name
                (212) 736-1000,Jane
                +1 415 555 0132,John
                """, StandardCharsets.UTF_8);
        Files.move(written, campaign.resolve("contacts.csv"), StandardCopyOption.ATOMIC_MOVE);

        Path report = folders.resolve("done/contacts.report.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));

        JsonNode summary = json.readTree(report.toFile());
        assertThat(summary.path("rows").asInt()).isEqualTo(2);
        assertThat(summary.path("accepted").asInt()).isEqualTo(2);
        assertThat(folders.resolve("done/contacts.csv")).exists();
        assertThat(folders.resolve("inbox/bc_quarkus/contacts.csv")).doesNotExist();
        List<LoggedRequest> requests = TruedyStandIn.server.findAll(
                postRequestedFor(urlPathEqualTo("/api/public/v1/batch-calls/bc_quarkus/contacts"))
                        .withHeader("Authorization", equalTo("Bearer quarkus-test-key")));
        assertThat(requests).singleElement().satisfies(request -> assertThat(json.readTree(request.getBody()))
                .isEqualTo(json.readTree("""
                        {"contacts":[{"phone_number":"+12127361000","first_name":"Jane"},
                                     {"phone_number":"+14155550132","first_name":"John"}]}""")));
    }
}
