package ai.truedy.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.EnforcedBudget;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TestDatabase;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the packaged jar, two batch calls, one budget the stand-in enforces. One instance
 * sends with four requests in flight, the other with one, each loading one file: the shared budget
 * still hands its turns to the batch calls in turn, not to whichever instance asks more often, and
 * nobody gets a 429.
 */
class FairShareIT {

    static final int REQUESTS_PER_MINUTE = 600;
    static final int BATCH_SIZE = 10;
    static final int A_ROWS = 1_500;

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new EnforcedBudget(REQUESTS_PER_MINUTE)))
            .build();

    private final List<LoaderProcess> instances = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (LoaderProcess instance : instances) {
            instance.killHard();
        }
    }

    @Test
    void two_instances_share_the_budget_between_batch_calls_not_between_instances() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("fair-share");
        String url = TestDatabase.freshSchema("fair_share");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        instances.add(LoaderProcess.startService(folders, work, "node-1.log", settings(url, "node-1", 4)));
        instances.add(LoaderProcess.startService(folders, work, "node-2.log", settings(url, "node-2", 1)));
        for (LoaderProcess instance : instances) { // both inbox routes run before any file is there
            await().atMost(Duration.ofSeconds(90)).until(() -> instance.log().contains("inbox turns ("));
        }
        folders.drop("bc_a/a.csv", LoaderFixture.phoneColumn("+1212", 7_000_000, A_ROWS));
        await().atMost(Duration.ofSeconds(60)).until(() -> TruedyApi.requests(api).size() >= 5);
        // each instance loads one file at a time: b.csv is the other instance's while a.csv is loading
        folders.drop("bc_b/b.csv", LoaderFixture.phoneColumn("+1646", 5_000_000, 600));
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> LoaderFixture.filesIn(folders.done).containsAll(List.of("a.report.json", "b.report.json")));

        List<ServeEvent> served = api.getAllServeEvents().stream()
                .sorted((one, other) -> one.getRequest().getLoggedDate().compareTo(other.getRequest().getLoggedDate()))
                .toList();
        assertThat(served).as("nobody was answered 429").allMatch(event -> event.getResponse().getStatus() == 200);
        List<String> batchCalls = served.stream().map(event -> batchCall(event.getRequest().getUrl())).toList();
        List<String> whileBothWaited = batchCalls.subList(batchCalls.indexOf("bc_b"), batchCalls.lastIndexOf("bc_b") + 1);
        long forB = whileBothWaited.stream().filter("bc_b"::equals).count();
        System.out.printf("FairShareIT: while both waited, bc_b had %d of %d requests; %d requests in all%n", forB,
                whileBothWaited.size(), batchCalls.size());
        assertThat(forB).as("bc_b's share while both had batches waiting").isGreaterThanOrEqualTo(whileBothWaited.size() / 3);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(folders.done.resolve("a.report.json").toFile()).path("accepted").asInt()).isEqualTo(A_ROWS);
        assertThat(json.readTree(folders.done.resolve("b.report.json").toFile()).path("accepted").asInt()).isEqualTo(600);
        int loadingA = instances.get(0).log().contains("Loading bc_a/a.csv") ? 0 : 1;
        assertThat(instances.get(1 - loadingA).log()).as("the instance not loading a.csv").contains("Loading bc_b/b.csv");
    }

    private static String batchCall(String url) {
        String[] path = url.split("/");
        return path[path.length - 2];
    }

    private static Map<String, String> settings(String url, String instanceId, int concurrency) {
        Map<String, String> settings = new HashMap<>(TestDatabase.clusterSettings(url, instanceId, "10s"));
        settings.put("truedy.base-url", TruedyApi.baseUrl(api));
        settings.put("truedy.api-key", "fair-key");
        settings.put("truedy.batch-size", String.valueOf(BATCH_SIZE));
        settings.put("truedy.concurrency", String.valueOf(concurrency));
        settings.put("truedy.rate-limit.requests-per-minute", String.valueOf(REQUESTS_PER_MINUTE));
        settings.put("loader.parallel-files", "1");
        settings.put("loader.poll-delay", "200ms");
        settings.put("camel.management.port", "0");
        settings.put("loader.sandbox.port", "0");
        return settings;
    }
}
