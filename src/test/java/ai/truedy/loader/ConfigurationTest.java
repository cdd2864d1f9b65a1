package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    void a_time_zone_routing_that_names_no_zone_or_a_zone_twice_stops_the_loader_naming_each_line() throws Exception {
        LoaderFixture loader = new LoaderFixture(root, "http://127.0.0.1:9")
                .with("loader.by-zone.bc_east", "America/New_Yrok")
                .with("loader.by-zone.bc_central", "America/Chicago")
                .with("loader.by-zone.bc_other", "America/Chicago, unknown");
        loader.drop("bc_1/list.csv", "phone\n+12127361000\n");

        assertThat(loader.runOnce()).isEqualTo(LoaderRun.EXIT_CANNOT_RUN);

        assertThat(stderr.text()).contains("cannot run: bad configuration: ")
                .contains("loader.by-zone.bc_east: America/New_Yrok is not a time zone")
                .contains("America/Chicago is listed under bc_central and bc_other");
        assertThat(loader.inbox.resolve("bc_1/list.csv")).exists();
    }

    @Test
    void a_console_host_name_with_a_scheme_or_a_port_stops_the_loader_naming_the_setting() throws Exception {
        LoaderFixture loader = new LoaderFixture(root, "http://127.0.0.1:1/api")
                .with("loader.console.allowed-hosts", "loader.example.com, http://proxy.example.com:8443/");
        loader.drop("bc_1/list.csv", "phone\n+12127361000\n");

        assertThat(loader.runOnce()).isEqualTo(LoaderRun.EXIT_CANNOT_RUN);

        assertThat(stderr.text()).contains("cannot run: bad configuration: loader.console.allowed-hosts has"
                + " \"http://proxy.example.com:8443/\": give host names or addresses only")
                .doesNotContain("\"loader.example.com\"");
    }

    /** Each kind of duration: read in milliseconds, in seconds (a number alone), 0 for off, the API's. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "loader.settle-time, abc", "loader.settle-time, forever", "loader.settle-time, -5s", "loader.settle-time, 10 parsecs",
            "loader.shutdown-timeout, abc", "loader.shutdown-timeout, forever", "loader.shutdown-timeout, -5s",
            "loader.shutdown-timeout, 10 parsecs",
            "loader.duplicate-file-window, abc", "loader.duplicate-file-window, forever",
            "loader.duplicate-file-window, -5s", "loader.duplicate-file-window, 10 parsecs",
            "truedy.rate-limit.max-wait, abc", "truedy.rate-limit.max-wait, forever", "truedy.rate-limit.max-wait, -5s",
            "truedy.rate-limit.max-wait, 10 parsecs"})
    void a_duration_that_is_not_a_number_with_a_unit_stops_the_loader(String setting, String value) throws Exception {
        LoaderFixture loader = new LoaderFixture(root, "http://127.0.0.1:1/api").with(setting, value);
        loader.drop("bc_1/list.csv", "phone\n+12127361000\n");

        assertThat(loader.runOnce()).isEqualTo(LoaderRun.EXIT_CANNOT_RUN);

        assertThat(stderr.text()).contains("cannot run: bad configuration: " + setting
                + " must be a duration such as 500ms, 30s, 5m or 24h (0 for none), not '" + value + "'");
        assertThat(loader.inbox.resolve("bc_1/list.csv")).exists();
    }

    @Test
    void a_number_without_a_unit_is_read_in_its_old_unit_with_a_warning() throws Exception {
        LoaderFixture loader = new LoaderFixture(root, "http://127.0.0.1:1/api")
                .with("loader.shutdown-timeout", "30").with("loader.notify.retry-delay", "1000")
                .with("loader.duplicate-file-window", "0");

        assertThat(loader.runOnce()).isZero();

        assertThat(stderr.text()).contains("loader.shutdown-timeout = 30 is read as 30s: a number without a unit is"
                        + " deprecated and will stop working in the next release; write 30s",
                "loader.notify.retry-delay = 1000 is read as 1000ms")
                .doesNotContain("loader.duplicate-file-window = 0");
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
