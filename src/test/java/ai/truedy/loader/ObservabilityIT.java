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
import java.util.regex.Pattern;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged jar, running as a service, answers /observe/health and /observe/metrics. */
class ObservabilityIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    /** A notification URL whose path holds a token, as a Slack webhook's does. */
    static final String HOOK = "/hooks/T000/B000/s3cr3t";

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void health_turns_not_ready_while_sending_is_suspended_and_metrics_show_the_loader_series() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("observability");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(401, "unauthorized", "Invalid API key")));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        int port = LoaderProcess.freePort();
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(ok()));
        Map<String, String> settings = new HashMap<>(Map.of("truedy.base-url", TruedyApi.baseUrl(api),
                "truedy.api-key", "observability-key", "camel.management.port", String.valueOf(port),
                "loader.notify.url", api.baseUrl() + HOOK));
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", settings);
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(port, "/observe/metrics").statusCode() == 200);
            assertThat(get(port, "/observe/metrics").body()).as("every series at 0 before the first file").contains(
                    "loader_rows_total{outcome=\"accepted\",reason=\"\"} 0.0",
                    "loader_rows_total{outcome=\"retry\",reason=\"\"} 0.0",
                    "loader_rows_total{outcome=\"rejected\",reason=\"invalid_phone\"} 0.0",
                    "loader_rows_total{outcome=\"rejected\",reason=\"field_too_long\"} 0.0",
                    "loader_rows_total{outcome=\"rejected\",reason=\"already_sent\"} 0.0",
                    "loader_contacts_accepted_total 0.0",
                    "loader_batches_total{status=\"200\"} 0.0",
                    "loader_api_latency_seconds_count 0",
                    "loader_inbox_files 0.0",
                    "loader_retry_rows 0.0");

            folders.drop("bc_1/list.csv", "phone\n+12127361001\nnot-a-phone\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folders.done.resolve("list.report.json")));

            HttpResponse<String> health = get(port, "/observe/health?exposureLevel=full");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"name\":\"sending\"", "\"status\":\"DOWN\"", "suspended");

            String metrics = get(port, "/observe/metrics").body();
            assertThat(metrics).contains(
                    "loader_batches_total{status=\"401\"} 1.0",
                    "loader_rows_total{outcome=\"rejected\",reason=\"invalid_phone\"} 1.0",
                    "loader_rows_total{outcome=\"retry\",reason=\"\"} 1.0",
                    "loader_api_latency_seconds_count 1",
                    "loader_inbox_files 0.0",
                    "loader_retry_rows 1.0");
            await().atMost(Duration.ofSeconds(30)).until(() -> api.findAll(postRequestedFor(urlPathEqualTo(HOOK))).size() == 2);
            assertThat(api.findAll(postRequestedFor(urlPathEqualTo(HOOK)))).extracting(LoggedRequest::getBodyAsString)
                    .satisfiesExactly(suspended -> assertThat(suspended).contains("\"event\":\"sending_suspended\"", "401"),
                            finished -> assertThat(finished).contains("\"event\":\"file_finished\"", "bc_1/list.csv"));
            assertThat(get(port, "/observe/metrics").body()).as("the notification URL's token").doesNotContain("s3cr3t");
        } finally {
            loader.terminate();
        }
        assertThat(loader.waitForExit(60)).isZero();
    }

    @Test
    void metrics_readiness_and_the_progress_line_name_the_batch_calls_being_served() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("observability-turns");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        int port = LoaderProcess.freePort();
        Map<String, String> settings = new HashMap<>(Map.of("truedy.base-url", TruedyApi.baseUrl(api),
                "truedy.api-key", "observability-key", "camel.management.port", String.valueOf(port),
                "truedy.batch-size", "100", "truedy.rate-limit.requests-per-minute", "1200",
                "loader.progress-interval", "1s"));
        // both past the 10,000 rows after which a file's progress is logged, read as fast as their turns come
        folders.drop("bc_big/big.csv", LoaderFixture.phoneColumn("+1212", 7_000_000, 30_000));
        folders.drop("bc_small/small.csv", LoaderFixture.phoneColumn("+1646", 5_000_000, 12_000));
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", settings);
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(port, "/observe/metrics").body()
                    .contains("loader_batches_waiting{batch_call_id=\"bc_small\"}"));
            assertThat(get(port, "/observe/metrics").body()).contains("loader_batches_waiting{batch_call_id=\"bc_big\"}");
            assertThat(get(port, "/observe/health?exposureLevel=full&data=true").body())
                    .contains("batch calls taking turns: bc_big", "\"waiting.bc_big\":", "\"sending.bc_big\":");
            Pattern progress = Pattern.compile("(bc_big/big|bc_small/small).csv: \\d+ rows read, .*; batch calls taking turns:"
                    + " bc_big \\d+ (waiting|sending).*; bc_small \\d+ (waiting|sending)");
            await().atMost(Duration.ofSeconds(60)).until(() -> progress.matcher(loader.log()).find());
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(folders.done.resolve("big.report.json")));
            await().atMost(Duration.ofSeconds(10)).until(() -> !get(port, "/observe/metrics").body()
                    .contains("loader_batches_waiting{"));
        } finally {
            loader.terminate();
        }
        assertThat(loader.waitForExit(60)).isZero();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
