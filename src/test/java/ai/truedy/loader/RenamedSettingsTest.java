package ai.truedy.loader;

import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** loader.retry.* (the re-drive rounds) is now loader.redrive.*; for one release the old names still work, with a warning. */
class RenamedSettingsTest extends LoaderTest {

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    @BeforeEach
    void aFileThatCannotBeSent() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.with("truedy.retry.max-attempts", "1").drop("bc_1/list.csv", "phone,first_name\n+12127361001,Ann\n");
    }

    @Test
    void loader_redrive_max_rounds_is_read_without_a_warning() throws Exception {
        loader.with("loader.redrive.max-rounds", "0");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(loader.rejectedRows("list")).extracting(row -> row.get("reason")).containsExactly("retry_exhausted");
        assertThat(log.text()).doesNotContain("deprecated");
    }

    @Test
    void the_old_loader_retry_names_still_work_and_the_log_says_what_to_rename() throws Exception {
        loader.with("loader.retry.max-rounds", "0").with("loader.retry.delay", "1h");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(filesIn(loader.retry)).isEmpty();
        assertThat(loader.rejectedRows("list")).extracting(row -> row.get("reason")).containsExactly("retry_exhausted");
        assertThat(log.text())
                .contains("loader.retry.max-rounds is deprecated and will stop working in the next release: rename it"
                        + " to loader.redrive.max-rounds")
                .contains("loader.retry.delay is deprecated")
                .doesNotContain("loader.retry.check-interval is deprecated");
    }
}
