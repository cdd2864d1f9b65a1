package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without --once the loader keeps watching the inbox and loads each file as it arrives. */
class ServiceModeTest {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @TempDir
    Path root;

    @Test
    void loads_files_dropped_while_it_runs_until_stopped() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        LoaderFixture fixture = new LoaderFixture(root, TruedyApi.baseUrl(api));
        try (LoaderFixture.RunningLoader service = fixture.startService()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.isDirectory(fixture.done));
            fixture.drop("bc_1/first.csv", "phone\n+12127361001\n");
            fixture.awaitReport("first");
            fixture.drop("bc_1/second.csv", "phone\n+12127361002\n");
            fixture.awaitReport("second");
            // the report is written before the original is moved (when the route is done): wait for both
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(fixture.done.resolve("second.csv")));

            assertThat(service.exit()).isNotDone();
            assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001", "+12127361002");
            assertThat(filesIn(fixture.done)).containsExactly("first.csv", "first.report.json", "second.csv",
                    "second.report.json");
        }
    }
}
