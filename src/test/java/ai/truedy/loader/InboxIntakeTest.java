package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Which files the inbox takes, and how their outputs are named. */
class InboxIntakeTest extends LoaderTest {

    @BeforeEach
    void setUp() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void takes_csv_files_in_any_case_and_ignores_hidden_temporary_and_other_files() throws Exception {
        loader.drop("bc_1/UPPER.CSV", "phone\n+12127361001\n");
        loader.drop("bc_1/.hidden.csv", "phone\n+12127361002\n");
        loader.drop("bc_1/upload.csv.part", "phone\n+12127361003\n");
        loader.drop("bc_1/upload.csv.tmp", "phone\n+12127361004\n");
        loader.drop("bc_1/~$locked.csv", "phone\n+12127361005\n");
        loader.drop("bc_1/notes.txt", "phone\n+12127361006\n");
        loader.drop("bc_1/too/deep.csv", "phone\n+12127361007\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");
        assertThat(filesIn(loader.done)).containsExactly("UPPER.CSV", "UPPER.report.json");
        assertThat(filesIn(loader.inbox)).containsExactlyInAnyOrder("bc_1/.hidden.csv", "bc_1/upload.csv.part",
                "bc_1/upload.csv.tmp", "bc_1/~$locked.csv", "bc_1/notes.txt", "bc_1/too/deep.csv");
    }

    @Test
    void a_name_with_a_backslash_is_renamed_and_loaded_instead_of_sitting_in_the_inbox_unseen() throws Exception {
        loader.drop("bc_1/export\\2026.csv", "phone\n+12127361001\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(filesIn(loader.done)).contains("export_2026.csv", "export_2026.report.json");
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");
    }

    @Test
    void a_name_with_a_backslash_dropped_while_the_loader_runs_is_renamed_and_loaded() throws Exception {
        try (LoaderFixture.RunningLoader running = loader.startService()) {
            loader.drop("bc_0/first.csv", "phone\n+12127361001\n");
            loader.awaitReport("first"); // the loader is polling: the next file is met by the inbox's listing
            loader.drop("bc_1/a\\b.csv", "phone\n+12127361002\n");
            loader.awaitReport("a_b");
        }
        assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361001", "+12127361002");
    }

    @Test
    void the_same_name_dropped_twice_gets_outputs_that_do_not_collide() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(500, "internal", "down")));
        loader.drop("bc_1/list.csv", "phone\n+12127361001\n");
        loader.runOnce();
        loader.drop("bc_2/list.csv", "phone\n+12127361002\n");
        loader.runOnce();

        assertThat(filesIn(loader.done)).containsExactly("list-2.csv", "list-2.report.json", "list.csv",
                "list.report.json");
        assertThat(filesIn(loader.retry)).containsExactly("list-2.retry-1.csv", "list.retry-1.csv");
        assertThat(loader.retryRows("list.retry-1.csv")).extracting(row -> row.get("batch_call_id")).containsExactly("bc_1");
        assertThat(loader.retryRows("list-2.retry-1.csv")).extracting(row -> row.get("batch_call_id")).containsExactly("bc_2");
    }

    @Test
    void leaves_a_file_alone_while_it_is_still_being_written() throws Exception {
        Path fresh = loader.with("loader.read-lock-min-age", "10m").drop("bc_1/uploading.csv", "phone\n+12127361001\n");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now()));
        loader.with("loader.read-lock-timeout", "1500ms");

        assertThat(loader.runOnce()).isZero();

        assertThat(filesIn(loader.inbox)).containsExactly("bc_1/uploading.csv");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_utf8_byte_order_mark_does_not_hide_the_first_header() throws Exception {
        loader.drop("bc_1/excel.csv", "\uFEFFphone,first_name\n+12127361001,Zoë\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentBatches(api).get(0).get(0).path("first_name").asText()).isEqualTo("Zoë");
    }
}
