package ai.truedy.loader.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.SettledBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The local state store: what one run of the loader writes down, the next one finds. */
class StateStoreTest {

    @TempDir
    Path root;

    @Test
    void a_file_begun_by_one_run_is_found_unfinished_by_the_next_with_its_settled_batches() throws Exception {
        Path file = Files.writeString(root.resolve("list.csv"), "phone\n+12127361001\n+12127361002\n");
        StateStore first = store();
        try (FileJournal journal = first.journal(file, false, "bc_1/list.csv")) {
            assertThat(journal.status(first.duplicateWindow())).isEqualTo(FileJournal.Status.NEW);
            journal.begin(new FileJournal.Start("bc_1/list.csv", "list", "retry/list.retry-1.csv",
                    Instant.now().toString(), Files.size(file), 100));
            journal.record(new SettledBatch(1, "bc_1", 1, 1, new BatchOutcome(Disposition.ACCEPTED, 201, "req_1",
                    null, "added 1", ApiCounts.NONE), 1, Map.of()));
        }

        StateStore next = store();
        next.archivedWithin(Duration.ofMinutes(10));
        FileJournal again = next.journal(file, false, "bc_1/list.csv");

        assertThat(again.status(next.duplicateWindow())).isEqualTo(FileJournal.Status.RESUME);
        assertThat(again.previousStart().stem()).isEqualTo("list");
        assertThat(again.settledCount()).isEqualTo(1);
        assertThat(again.settledBefore("bc_1", 1, 1, 2)).singleElement()
                .satisfies(settled -> assertThat(settled.outcome().disposition()).isEqualTo(Disposition.ACCEPTED));
        again.close();
    }

    @Test
    void an_output_name_is_taken_once() throws Exception {
        StateStore store = store();

        assertThat(store.reserve("list")).isTrue();
        assertThat(store.reserve("list")).isFalse();
        assertThat(store.reserve("list-2")).isTrue();
    }

    @Test
    void its_scratch_folder_is_emptied_at_start() throws Exception {
        Path leftover = Files.writeString(Files.createDirectories(root.resolve("files-state/scratch")).resolve("x.table"), "");

        store();

        assertThat(leftover).doesNotExist();
    }

    private StateStore store() throws Exception {
        return new FileJournals(root.resolve("files-state"), Duration.ofHours(24), ApiJson.mapper(), new JournalKeys(""), () -> false);
    }
}
