package ai.truedy.loader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import ai.truedy.loader.support.CuttableProxy;
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
 * The packaged jar in cluster mode loses its database in the middle of a file: it claims nothing
 * new, finishes nothing it cannot journal, says so on readiness, and once the database is back it
 * reconnects by itself and finishes both files with every row accounted for.
 */
class DatabaseOutageIT {

    static final int ROWS = 6_000;
    static final int BATCH_SIZE = 50;
    static final int CONCURRENCY = 2;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_database_that_goes_away_loses_nothing_and_the_loader_reconnects_by_itself() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("database-outage");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0).withFixedDelay(20)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_1/first.csv", LoaderFixture.phoneColumn("+1917", 1_000_000, ROWS));
        String direct = TestDatabase.freshSchema("outage");
        URI target = URI.create(TestDatabase.url().substring("jdbc:".length()));
        int port = LoaderProcess.freePort();
        try (CuttableProxy database = new CuttableProxy(target.getHost(), target.getPort())) {
            String throughProxy = direct.replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + database.port());
            Map<String, String> settings = new HashMap<>(Map.of("truedy.base-url", TruedyApi.baseUrl(api),
                    "truedy.api-key", "outage-key", "truedy.batch-size", String.valueOf(BATCH_SIZE),
                    "truedy.concurrency", String.valueOf(CONCURRENCY),
                    "truedy.rate-limit.requests-per-minute", "3000", "camel.management.port", String.valueOf(port)));
            settings.putAll(TestDatabase.clusterSettings(throughProxy, "outage-1", "5s"));
            LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", settings);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> TruedyApi.requests(api).size() >= 20);
                database.cut();
                folders.drop("bc_1/second.csv", "phone\n+19175550100\n+19175550101\n");

                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    HttpResponse<String> health = get(port, "/observe/health?exposureLevel=full");
                    assertThat(health.statusCode()).isEqualTo(503);
                    assertThat(health.body()).contains("cluster-database", "cannot be reached");
                });
                int sentWhileAway = TruedyApi.requests(api).size();
                await().atMost(Duration.ofSeconds(30)).until(() -> loader.log().contains("stays in the inbox"));
                assertThat(LoaderFixture.filesIn(folders.inbox)).as("nothing finished that could not be journaled")
                        .containsExactly("bc_1/first.csv", "bc_1/second.csv");
                assertThat(LoaderFixture.filesIn(folders.done)).isEmpty();
                assertThat(TruedyApi.requests(api).size()).as("nothing sent once its outcome cannot be journaled")
                        .isLessThanOrEqualTo(sentWhileAway + CONCURRENCY);

                database.restore();
                await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(folders.done.resolve("first.report.json"))
                        && Files.exists(folders.done.resolve("second.report.json")));
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> get(port, "/observe/health?exposureLevel=full").statusCode() == 200);
            } finally {
                loader.terminate();
            }
            assertThat(loader.waitForExit(60)).isZero();
            assertThat(loader.log()).contains("Resuming bc_1/first.csv").doesNotContain(TestDatabase.password().isEmpty()
                    ? "password=" : TestDatabase.password());
        }
        JsonNode first = new ObjectMapper().readTree(folders.done.resolve("first.report.json").toFile());
        assertThat(first.path("rows").asInt()).isEqualTo(ROWS);
        assertThat(first.path("accepted").asInt()).as("every row accounted for").isEqualTo(ROWS);
        assertThat(LoaderFixture.filesIn(folders.error)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.retry)).isEmpty();
        Map<String, Integer> times = new HashMap<>();
        TruedyApi.sentPhones(api).forEach(phone -> times.merge(phone, 1, Integer::sum));
        assertThat(times).hasSize(ROWS + 2);
        assertThat(times.values().stream().filter(count -> count > 1).count())
                .as("at most the batches in flight when the database went away were sent twice")
                .isLessThanOrEqualTo((long) CONCURRENCY * BATCH_SIZE);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
