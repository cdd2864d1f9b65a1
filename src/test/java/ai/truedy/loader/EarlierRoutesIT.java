package ai.truedy.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar run from a folder whose routes/ was copied from the release before one pipeline
 * (src/test/resources/upgrade/0.2): it would open files it has not taken, so it refuses to start,
 * saying what to copy again, and sends, moves and writes nothing; with routes/ copied again it loads.
 */
class EarlierRoutesIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @ParameterizedTest
    @ValueSource(strings = {"--once", "--preview"})
    void a_routes_folder_copied_from_the_release_before_is_refused_and_nothing_is_touched(String mode) throws Exception {
        api.stubFor(any(anyUrl()).willReturn(TruedyApi.error(500, "sent_with_earlier_routes", "nothing may be sent")));
        Path work = LoaderProcess.freshWorkFolder("earlier-routes" + mode);
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_1/list.csv", "phone\n+12127361001\n");

        Path earlier = routesOfTheReleaseBefore(work.resolve("earlier"));
        LoaderProcess refused = LoaderProcess.startIn(earlier, folders, work, "earlier.log", settings(work), mode, "--once");

        assertThat(refused.waitForExit(120)).as(refused.log()).isEqualTo(1);
        assertThat(refused.log()).contains("cannot run: the route load-contacts-file in routes/ was copied from an earlier"
                + " release", "copy routes/ again from this release");
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(filesIn(folders.inbox)).containsExactly("bc_1/list.csv");
        assertThat(filesIn(folders.done)).isEmpty();
        assertThat(filesIn(folders.error)).isEmpty();
        assertThat(filesIn(work.resolve("preview"))).isEmpty();
    }

    @Test
    void routes_copied_again_load_the_file() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        Path work = LoaderProcess.freshWorkFolder("earlier-routes-copied-again");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_1/list.csv", "phone\n+12127361001\n");

        Path again = copyOfRoutes(work.resolve("again"));
        LoaderProcess loaded = LoaderProcess.startIn(again, folders, work, "again.log", settings(work), "--once");

        assertThat(loaded.waitForExit(120)).as(loaded.log()).isZero();
        assertThat(filesIn(folders.done)).containsExactly("list.csv", "list.report.json");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    private static Map<String, String> settings(Path work) {
        return Map.of("truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "earlier-routes-key",
                "loader.preview-dir", work.resolve("preview").toString(),
                "loader.settle-time", "0");
    }

    /** This release's routes/, with the file routes as the release before had them. */
    private static Path routesOfTheReleaseBefore(Path folder) throws IOException {
        copyOfRoutes(folder);
        for (String route : new String[] {"load-contacts.camel.yaml", "preview-contacts.camel.yaml"}) {
            try (InputStream earlier = EarlierRoutesIT.class.getResourceAsStream("/upgrade/0.2/routes/" + route)) {
                Files.copy(earlier, folder.resolve("routes").resolve(route), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    private static Path copyOfRoutes(Path folder) throws IOException {
        Path routes = Files.createDirectories(folder.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path route : files.toList()) {
                Files.copy(route, routes.resolve(route.getFileName()));
            }
        }
        return folder;
    }
}
