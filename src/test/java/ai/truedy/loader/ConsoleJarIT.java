package ai.truedy.loader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar's console, with the shipped application.properties (management on): its password
 * stays out of the log, and an open host needs one.
 */
class ConsoleJarIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    static final String PASSWORD = "pw-Zq81-never-in-a-log";

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_password_guards_the_console_and_never_appears_in_the_log() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        Path work = LoaderProcess.freshWorkFolder("console-password");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        int port = LoaderProcess.freePort();
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", Map.of(
                "loader.console.port", String.valueOf(port), "loader.console.password", PASSWORD,
                "truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "console-key"));
        try {
            String base = "http://127.0.0.1:" + port + "/api/status";
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> status(base, null) == 401);
            assertThat(status(base, "ops:wrong")).isEqualTo(401);
            assertThat(status(base, "ops:" + PASSWORD)).isEqualTo(200);
            folders.drop("bc_1/list.csv", "phone\n+12127361001\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folders.done.resolve("list.report.json")));
        } finally {
            loader.terminate();
            loader.waitForExit(60); // management's port is free for the next test
        }
        assertThat(loader.log()).contains("Console at http://127.0.0.1:" + port).doesNotContain(PASSWORD);
    }

    @Test
    void an_address_other_than_loopback_without_a_password_stops_the_start() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("console-open-host");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", Map.of(
                "loader.console.host", "0.0.0.0", "loader.console.enabled", "true",
                "truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "console-key"));

        assertThat(loader.waitForExit(60)).isEqualTo(1);
        assertThat(loader.log()).contains("loader.console.host is 0.0.0.0 but no loader.console.password is set");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    int status(String url, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
