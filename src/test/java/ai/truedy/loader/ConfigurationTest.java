package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A loader that cannot run says why in one line and exits with code 1, before touching any file. */
class ConfigurationTest {

    @TempDir
    Path root;

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    @Test
    void reports_every_bad_setting_in_one_line_and_exits_1() throws Exception {
        LoaderFixture loader = new LoaderFixture(root, "ftp://example.com")
                .with("truedy.batch-size", "0")
                .with("loader.default-region", "XX");
        loader.drop("bc_1/list.csv", "phone\n+12127361000\n");

        assertThat(loader.runOnce()).isEqualTo(LoaderRun.EXIT_CANNOT_RUN);

        String output = stderr.text();
        assertThat(output).contains("cannot run: bad configuration: ")
                .contains("truedy.batch-size must be a whole number from 1 to 1000, not '0'")
                .contains("loader.default-region must be a two-letter region code such as US or DE, not 'XX'")
                .contains("truedy.base-url must be an http(s) URL, not 'ftp://example.com'")
                .doesNotContain(LoaderFixture.API_KEY);
        assertThat(loader.inbox.resolve("bc_1/list.csv")).exists();
    }

    @Test
    void a_folder_that_cannot_be_created_stops_the_loader() throws Exception {
        Path blocker = Files.writeString(root.resolve("not-a-folder"), "x");
        LoaderFixture loader = new LoaderFixture(root, "http://127.0.0.1:1/api")
                .with("loader.done", blocker.resolve("done").toString());

        assertThat(loader.runOnce()).isEqualTo(LoaderRun.EXIT_CANNOT_RUN);

        assertThat(stderr.text()).contains("cannot run: folders not usable: cannot create");
    }
}
