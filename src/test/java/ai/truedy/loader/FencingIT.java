package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TestDatabase;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged jars on one inbox; the one loading a file is frozen (SIGSTOP) past its lease, the
 * other takes the file over, and then the frozen one wakes (SIGCONT). The former owner sends and
 * settles nothing more for the file: it neither reports it nor moves it, and only the batch it had
 * in flight when it froze reaches the server twice.
 */
class FencingIT {

    static final int ROWS = 20_000;
    static final int BATCH_SIZE = 100;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @Test
    void a_stalled_former_owner_that_wakes_up_sends_and_settles_nothing_more() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("fencing");
        String url = TestDatabase.freshSchema("fencing");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0).withFixedDelay(20)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_1/list.csv", LoaderFixture.phoneColumn("+1347", 1_000_000, ROWS));

        List<LoaderProcess> nodes = List.of(
                LoaderProcess.startService(folders, work, "node-1.log", settings(url, "node-1")),
                LoaderProcess.startService(folders, work, "node-2.log", settings(url, "node-2")));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.settledBatches(url, "bc_1/list.csv") >= 30);
            String owner = TestDatabase.queryOne(url, "SELECT owner FROM loader_claims WHERE path = 'bc_1/list.csv'");
            LoaderProcess stalled = nodes.get(owner.equals("node-1") ? 0 : 1);
            LoaderProcess other = nodes.get(owner.equals("node-1") ? 1 : 0);
            stalled.freeze();

            await().atMost(Duration.ofSeconds(30)).until(() -> !owner.equals(
                    TestDatabase.queryOne(url, "SELECT owner FROM loader_claims WHERE path = 'bc_1/list.csv'")));
            int settledWhenTaken = TestDatabase.settledBatches(url, "bc_1/list.csv");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestDatabase.settledBatches(url, "bc_1/list.csv") >= settledWhenTaken + 10);
            stalled.thaw();

            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(folders.done.resolve("list.report.json")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stalled.log().contains("its journal cannot be kept here"));
            // the report is moved into done/ a moment before the line that says so is written
            await().atMost(Duration.ofSeconds(30)).until(() -> other.log().contains("Finished bc_1/list.csv"));

            assertThat(stalled.log()).doesNotContain("Finished bc_1/list.csv");
            assertThat(other.log()).contains("Taking over bc_1/list.csv from instance " + owner, "Resuming bc_1/list.csv",
                    "Finished bc_1/list.csv");
        } finally {
            for (LoaderProcess node : nodes) {
                node.thaw();
                node.terminate();
            }
        }
        for (LoaderProcess node : nodes) {
            assertThat(node.waitForExit(60)).as(node.log()).isZero();
        }

        assertThat(LoaderFixture.filesIn(folders.done)).containsExactly("list.csv", "list.report.json");
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.retry)).isEmpty();
        JsonNode report = new ObjectMapper().readTree(folders.done.resolve("list.report.json").toFile());
        assertThat(report.path("accepted").asInt()).isEqualTo(ROWS);
        assertThat(report.path("batches").size()).isEqualTo(ROWS / BATCH_SIZE);
        Map<String, Integer> times = new HashMap<>();
        TruedyApi.sentPhones(api).forEach(phone -> times.merge(phone, 1, Integer::sum));
        assertThat(times).hasSize(ROWS);
        assertThat(times.values().stream().filter(count -> count > 1).count())
                .as("only the batch in flight when the owner froze was sent twice").isLessThanOrEqualTo(BATCH_SIZE);
        assertThat(TestDatabase.queryOne(url, "SELECT count(*) FROM loader_claims")).as("no claim left behind").isEqualTo("0");
    }

    private static Map<String, String> settings(String url, String instanceId) {
        Map<String, String> settings = new HashMap<>();
        settings.put("truedy.base-url", TruedyApi.baseUrl(api));
        settings.put("truedy.api-key", "fencing-key");
        settings.put("truedy.batch-size", String.valueOf(BATCH_SIZE));
        settings.put("truedy.concurrency", "1");
        settings.put("truedy.rate-limit.requests-per-minute", "0");
        settings.put("loader.poll-delay", "500ms");
        settings.putAll(TestDatabase.clusterSettings(url, instanceId, "3s"));
        settings.put("camel.management.port", "0");
        return settings;
    }
}
