package ai.truedy.loader;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;

import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * loader.notify.url receives a POST when a file is finished or cannot be loaded, and when sending
 * is suspended or goes on again, through routes/notify.camel.yaml; a failing endpoint changes nothing else.
 */
class NotificationsTest extends LoaderTest {

    static final String HOOK = "/hooks/T000/B000/s3cr3t-t0ken";
    static final String LIST = "phone,first_name\n+12127361001,Ann\n+12127361002,Bob\ncall me,Cat\n";

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void notifyTheHook() {
        loader.with("loader.notify.url", api.baseUrl() + HOOK)
                .with("loader.notify.retry-delay", "20");
    }

    @Test
    void posts_the_report_summary_as_json_when_a_file_is_finished_and_when_one_cannot_be_loaded() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));
        loader.drop("bc_1/list.csv", LIST);
        loader.drop("bc_1/names.csv", "first_name\nAnn\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        List<JsonNode> notices = notices();
        assertThat(notices).extracting(notice -> notice.path("event").asText())
                .containsExactlyInAnyOrder("file_finished", "file_failed");
        JsonNode finished = notices.stream().filter(n -> n.path("event").asText().equals("file_finished")).findFirst().orElseThrow();
        assertThat(finished.fieldNames()).toIterable().as("no duplicate_of for a file that was loaded")
                .containsExactly("event", "at", "file", "rows", "accepted", "rejected", "pending_retry", "reasons", "report");
        assertThat(finished.path("file").asText()).isEqualTo("bc_1/list.csv");
        assertThat(finished.path("rows").asInt()).isEqualTo(3);
        assertThat(finished.path("accepted").asInt()).isEqualTo(2);
        assertThat(finished.path("rejected").asInt()).isEqualTo(1);
        assertThat(finished.path("reasons").path("invalid_phone").asInt()).isEqualTo(1);
        assertThat(finished.path("report").asText()).isEqualTo(loader.done.resolve("list.report.json").toString());
        JsonNode failed = notices.stream().filter(n -> n.path("event").asText().equals("file_failed")).findFirst().orElseThrow();
        assertThat(failed.path("file").asText()).isEqualTo("bc_1/names.csv");
        assertThat(failed.path("error").asText()).contains("no phone column");
        assertThat(failed.path("error_file").asText()).isEqualTo(loader.error.resolve("names.error.json").toString());
    }

    @Test
    void a_file_routed_by_zone_is_told_with_the_contacts_each_batch_call_got() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));
        loader.drop("national/.loader.properties", "loader.by-zone.bc_east = America/New_York\n"
                + "loader.by-zone.bc_central = America/Chicago\n");
        loader.drop("national/list.csv", "phone\n+12127361001\n+13127361002\n+13127361003\n+442079460101\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        JsonNode finished = notices().get(0);
        assertThat(finished.path("routed").path("bc_east").asInt()).as(finished.toString()).isEqualTo(1);
        assertThat(finished.path("routed").path("bc_central").asInt()).isEqualTo(2);
        assertThat(finished.path("reasons").path("time_zone_not_routed").asInt()).isEqualTo(1);
        assertThat(finished.path("text").asText(finished.toString())).doesNotContain("4420794", "212736");
    }

    @Test
    void tells_when_an_archived_original_is_rewritten_and_set_aside_in_error() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/list.csv", "phone\n+12127361001\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> events().contains("file_finished")); // notices go side by side
            Files.writeString(loader.done.resolve("list.csv"), "PHONE\n+12127369999\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> events().contains("file_failed"));
        }

        assertThat(events()).containsExactly("file_finished", "file_failed");
        assertThat(notices().get(1).path("error").asText()).contains("the file changed after it was loaded");
        assertThat(notices().get(1).path("error_file").asText()).isEqualTo(loader.error.resolve("list.error.json").toString());
    }

    @Test
    void posts_a_slack_text_line_with_the_counts() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));
        loader.with("loader.notify.format", "slack").drop("bc_1/list.csv", LIST);

        loader.runOnce();

        assertThat(notices()).singleElement().satisfies(notice -> {
            assertThat(notice.fieldNames()).toIterable().containsExactly("text");
            assertThat(notice.path("text").asText()).isEqualTo("Truedy contacts loader: bc_1/list.csv finished: 3 rows,"
                    + " 2 accepted, 1 rejected (invalid_phone 1), 0 waiting in retry/");
        });
    }

    @Test
    void tells_at_once_when_sending_is_suspended_and_when_it_goes_on_again() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(402, "insufficient_credits", "Top up")));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));
        loader.with("truedy.auth-pause", "1s");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/list.csv", "phone\n+12127361001\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> events().contains("sending_resumed"));
        }

        assertThat(events()).startsWith("sending_suspended", "file_finished", "sending_resumed");
        assertThat(notices().get(0).path("reason").asText()).contains("402", "insufficient_credits");
    }

    @Test
    void an_endpoint_that_is_down_is_tried_again_and_changes_nothing_else() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(500)));
        loader.with("loader.notify.retries", "2");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/list.csv", "phone\n+12127361001\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> log.text().contains("Could not post the file_finished"));
        }

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(HOOK)))).as("the first try and two more").hasSize(3);
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json");
        assertThat(loader.report("list").path("accepted").asInt()).isEqualTo(1);
        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(log.text()).contains("Could not post the file_finished notice to http://localhost:")
                .doesNotContain("s3cr3t-t0ken");
    }

    @Test
    void once_mode_ends_without_waiting_out_the_back_off_of_an_endpoint_that_is_down() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(500)));
        loader.with("loader.notify.retry-delay", "600000").drop("bc_1/list.csv", "phone\n+12127361001\n");

        assertThat(loader.runOnce()).as("an hour of back-off is not waited for").isZero();

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(HOOK)))).hasSizeBetween(1, 2);
        assertThat(log.text()).contains("Could not post the file_finished notice");
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json");
    }

    @Test
    void a_stop_gives_up_a_notice_waiting_in_its_back_off_and_says_so_in_one_line() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(500)));
        loader.with("loader.notify.retry-delay", "10m").with("loader.shutdown-timeout", "30s");
        LoaderFixture.RunningLoader service = loader.startService();
        loader.drop("bc_1/list.csv", "phone\n+12127361001\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !api.findAll(postRequestedFor(urlPathEqualTo(HOOK))).isEmpty());

        service.loader().stop();

        assertThat(service.exit().get(5, TimeUnit.SECONDS)).as("stopped well inside the 30 s shutdown timeout").isZero();
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(HOOK)))).as("the back-off is not waited out").hasSize(1);
        assertThat(log.text().lines().filter(line -> line.contains("Could not post the file_finished notice"))).as(log.text())
                .singleElement().asString().contains("the loader stopped while it waited to try again", "500");
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json");
    }

    @Test
    void posts_nothing_for_an_empty_poll() throws Exception {
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));

        assertThat(loader.runOnce()).isZero();

        assertThat(api.getAllServeEvents()).isEmpty();
    }

    private List<JsonNode> notices() throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoggedRequest request : api.findAll(postRequestedFor(urlPathEqualTo(HOOK)))) {
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            bodies.add(json.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private List<String> events() throws Exception {
        return notices().stream().map(notice -> notice.path("event").asText()).toList();
    }
}
