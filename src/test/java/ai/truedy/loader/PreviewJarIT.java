package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's --preview, run from a folder with its own routes/: with a copy made before the
 * preview existed (no preconditions on the routes that move files) it cannot start, as those routes
 * call beans a preview does not have, and nothing is sent or moved; with the current routes it previews.
 */
class PreviewJarIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @Test
    void a_routes_folder_from_before_the_preview_sends_and_moves_nothing() throws Exception {
        api.stubFor(any(anyUrl()).willReturn(TruedyApi.error(500, "preview_sent_a_request", "a preview sent this")));
        Path work = LoaderProcess.freshWorkFolder("preview-routes");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_1/list.csv", "phone\n+12127361001\n");
        Map<String, String> settings = Map.of("truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "preview-key",
                "loader.preview-dir", work.resolve("preview").toString());

        Path earlier = copyRoutes(work.resolve("earlier"), true);
        LoaderProcess refused = LoaderProcess.startIn(earlier, folders, work, "earlier.log", settings, "--preview", "--once");
        assertThat(refused.waitForExit(120)).as(refused.log()).isEqualTo(1);
        assertThat(refused.log()).contains("cannot run:", "retryRedrive");
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(filesIn(folders.inbox)).containsExactly("bc_1/list.csv");

        Path current = copyRoutes(work.resolve("current"), false);
        LoaderProcess previewed = LoaderProcess.startIn(current, folders, work, "current.log", settings, "--preview", "--once");
        assertThat(previewed.waitForExit(120)).as(previewed.log()).isZero();

        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(filesIn(folders.inbox)).containsExactly("bc_1/list.csv");
        assertThat(filesIn(work.resolve("preview"))).containsExactly("bc_1/list.report.json");
    }

    /** The project's routes/ in {@code folder}/routes; as copied before the preview: without it and the preconditions. */
    private static Path copyRoutes(Path folder, boolean beforeThePreview) throws Exception {
        Path routes = Files.createDirectories(folder.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path route : files.toList()) {
                String name = route.getFileName().toString();
                if (beforeThePreview && List.of("preview-contacts.camel.yaml", "notify.camel.yaml", "console.camel.yaml")
                        .contains(name)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(route).stream()
                        .filter(line -> !beforeThePreview || !line.strip().startsWith("precondition:")).toList();
                Files.write(routes.resolve(name), lines);
            }
        }
        return folder;
    }
}
