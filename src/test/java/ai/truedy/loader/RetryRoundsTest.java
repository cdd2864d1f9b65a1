package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Rows in retry/ are sent again on their own, round after round, until they go through or rounds run out. */
class RetryRoundsTest extends LoaderTest {

    static final String TWO_CONTACTS = """
            phone,first_name
            +12127361001,Ann
            +12127361002,Bob
            """;

    @BeforeEach
    void oneTryPerRound() {
        loader.with("truedy.retry.max-attempts", "1").with("loader.retry.delay", "0s");
    }

    @Test
    void a_retry_file_that_is_due_is_sent_again_at_the_next_run_and_goes_through() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.drop("bc_1/list.csv", TWO_CONTACTS);
        loader.runOnce();
        assertThat(filesIn(loader.retry)).containsExactly("list.retry-1.csv");

        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        assertThat(loader.runOnce()).isZero();

        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(TruedyApi.requests(api)).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).contains("/batch-calls/bc_1/"));
        JsonNode report = loader.report("list.retry-1");
        assertThat(report.path("round").asInt()).isEqualTo(1);
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    @Timeout(120)
    void a_re_driven_retry_file_is_read_at_once_since_the_loader_wrote_it_whole() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        Path original = loader.with("loader.settle-time", "5m").drop("bc_1/list.csv", TWO_CONTACTS);
        Files.setLastModifiedTime(original, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        loader.runOnce();
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));

        assertThat(loader.runOnce()).as("the retry file, written a moment ago, is not waited for for 5 min").isZero();

        assertThat(loader.report("list.retry-1").path("accepted").asInt()).isEqualTo(2);
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001", "+12127361002");
    }

    @Test
    void a_retry_file_is_left_in_retry_until_its_delay_has_passed() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.with("loader.retry.delay", "1h").drop("bc_1/list.csv", TWO_CONTACTS);
        loader.runOnce();
        api.resetAll();

        assertThat(loader.runOnce()).isZero();

        assertThat(filesIn(loader.retry)).containsExactly("list.retry-1.csv");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void rows_still_failing_after_the_last_round_are_rejected_as_retry_exhausted() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.with("loader.retry.max-rounds", "2").drop("bc_1/list.csv", TWO_CONTACTS);

        loader.runOnce();
        assertThat(filesIn(loader.retry)).containsExactly("list.retry-1.csv");
        loader.runOnce();
        assertThat(filesIn(loader.retry)).containsExactly("list.retry-2.csv");
        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(loader.rejectedRows("list.retry-2")).extracting(row -> row.get("first_name") + " " + row.get("reason"))
                .containsExactly("Ann retry_exhausted", "Bob retry_exhausted");
        assertThat(loader.rejectedRows("list.retry-2").get(0).get("detail"))
                .startsWith("still not sent after 2 re-drive rounds: HTTP 503");
        assertThat(TruedyApi.requests(api)).hasSize(3);
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json", "list.retry-1.csv",
                "list.retry-1.report.json", "list.retry-2.csv", "list.retry-2.report.json");
    }

    @Test
    void a_running_loader_re_drives_retry_files_on_its_own() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.error(503, "unavailable", "down")).willSetStateTo("back"));
        api.stubFor(TruedyApi.addContacts().inScenario("outage").whenScenarioStateIs("back")
                .willReturn(TruedyApi.addedCount(2, 0)));
        loader.with("loader.retry.check-interval", "100ms").drop("bc_1/list.csv", TWO_CONTACTS);
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.awaitReport("list.retry-1");
        }

        assertThat(loader.report("list.retry-1").path("accepted").asInt()).isEqualTo(2);
        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001", "+12127361002", "+12127361001",
                "+12127361002");
    }
}
