package ai.truedy.loader.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock stand-in for Truedy on loopback that takes every contacts request, and fresh folders
 * for the loader, started before the Quarkus application and handed to it as configuration.
 */
public final class TruedyStandIn implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;
    static Path folders;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/api/public/v1/batch-calls/[^/]+/contacts"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"data":{"added_count":2,"failed_count":0},"meta":{"request_id":"req_quarkus"}}""")));
        try {
            folders = Files.createTempDirectory("truedy-quarkus");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "truedy.base-url", server.baseUrl() + "/api/public/v1",
                "truedy.api-key", "quarkus-test-key",
                "truedy.rate-limit.requests-per-minute", "0",
                "loader.read-lock-min-age", "100ms",
                "loader.poll-delay", "100ms",
                "loader.inbox", folders.resolve("inbox").toString(),
                "loader.done", folders.resolve("done").toString(),
                "loader.error", folders.resolve("error").toString(),
                "loader.retry", folders.resolve("retry").toString(),
                "loader.state", folders.resolve("state").toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (folders != null) {
            try (Stream<Path> files = Files.walk(folders)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
