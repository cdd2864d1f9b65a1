package ai.truedy.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.state.LocalSentMemory;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar killed with SIGKILL while a batch was sent and not yet answered: no row is lost
 * after a restart, and no number is remembered (loader.sent-memory) that Truedy did not answer 200 for.
 */
class SentMemoryCrashIT {

    static final int ROWS = 500;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @Test
    void a_kill_9_between_a_send_and_its_answer_loses_no_row_and_remembers_no_number_without_a_200() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("sent-kill-9");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        api.stubFor(TruedyApi.addContacts().withRequestBody(containing("+16465551200")) // batch 3: no answer for a minute
                .willReturn(TruedyApi.addedCount(100, 0).withFixedDelay(60_000)));
        folders.drop("campA/list.csv", LoaderFixture.phoneColumn("+1646", 5_551_000, ROWS));
        Map<String, String> settings = Map.of("truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "sent-key",
                "truedy.concurrency", "1", "truedy.rate-limit.requests-per-minute", "0", "truedy.read-timeout", "5m");

        LoaderProcess first = LoaderProcess.start(folders, work, "first.log", settings);
        await().atMost(Duration.ofSeconds(60)).until(() -> TruedyApi.sentPhones(api).contains("+16465551200"));
        first.killHard();

        assertThat(remembered(work, "+16465551200")).as("batch 3 was sent, never answered").isNull();
        assertThat(remembered(work, "+16465551000")).as("nothing before the file is done").isNull();
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        LoaderProcess second = LoaderProcess.start(folders, work, "second.log", settings);
        assertThat(second.waitForExit(120)).as(second.log()).isZero();

        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folders.done.resolve("list.report.json")
                .toFile());
        assertThat(report.path("rows").asInt()).isEqualTo(ROWS);
        assertThat(report.path("accepted").asInt()).isEqualTo(ROWS);
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        assertThat(TruedyApi.sentPhones(api)).as("after the restart: batch 3 again, then 4 and 5").hasSize(300)
                .contains("+16465551200").doesNotContain("+16465551000", "+16465551199");
        for (int row = 0; row < ROWS; row++) {
            assertThat(remembered(work, "+1646%07d".formatted(5_551_000 + row))).as("row %d", row + 1)
                    .contains("from campA/list.csv");
        }
        assertThat(remembered(work, "+16465559999")).as("a number never sent").isNull();
    }

    @Test
    void resend_on_the_command_line_sends_every_row_again_and_only_with_once() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("sent-resend");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        Map<String, String> settings = Map.of("truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "sent-key");
        folders.drop("campA/day-1.csv", LoaderFixture.phoneColumn("+1646", 5_551_000, 100));
        assertThat(LoaderProcess.start(folders, work, "day-1.log", settings).waitForExit(60)).isZero();
        folders.drop("campA/day-2.csv", LoaderFixture.phoneColumn("+1646", 5_551_000, 101));

        LoaderProcess service = LoaderProcess.startIn(Path.of("."), folders, work, "service.log", settings, "--resend");
        assertThat(service.waitForExit(60)).isEqualTo(1);
        assertThat(service.log()).contains("loader.resend (--resend) sends every row of the files in the inbox again;"
                + " it is for one run with --once");
        LoaderProcess resend = LoaderProcess.startIn(Path.of("."), folders, work, "day-2.log", settings, "--once", "--resend");
        assertThat(resend.waitForExit(60)).as(resend.log()).isZero();

        assertThat(TruedyApi.sentPhones(api)).hasSize(201);
    }

    /** What the sent memory left on disk says of a number for campA, as a new loader would read it. */
    private static String remembered(Path work, String e164) throws Exception {
        return new LocalSentMemory(work.resolve("state"), Duration.ofDays(30), true, ApiJson.mapper())
                .sentBefore("campA", e164, "", java.time.Instant.now().minus(Duration.ofDays(30)));
    }
}
