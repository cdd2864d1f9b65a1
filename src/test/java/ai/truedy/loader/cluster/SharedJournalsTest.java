package ai.truedy.loader.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.FileDigests;
import ai.truedy.loader.model.SettledBatch;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.JournalKeys;
import ai.truedy.loader.state.JournalUnavailableException;
import ai.truedy.loader.state.StateStore;
import ai.truedy.loader.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journals, duplicate memory and output names shared by two instances, on a real PostgreSQL. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class SharedJournalsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path root;
    private Path inbox;
    private String url;
    private Instance one;
    private Instance two;

    private record Instance(ClusterDatabase db, FileClaims claims, StateStore store) {
    }

    @BeforeEach
    void twoInstances() throws Exception {
        inbox = Files.createDirectories(root.resolve("inbox"));
        url = TestDatabase.freshSchema("journals");
        one = instance("one");
        two = instance("two");
    }

    @AfterEach
    void stop() {
        one.db().stop();
        two.db().stop();
    }

    private Instance instance(String id) throws Exception {
        ClusterDatabase db = ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), id, LEASE));
        FileClaims claims = new FileClaims(db, inbox, LEASE);
        return new Instance(db, claims, new SharedStateStore(db, claims, Duration.ofHours(24), root.resolve("state-" + id),
                ApiJson.mapper(), new JournalKeys("")));
    }

    @Test
    void an_instance_that_takes_a_file_over_resumes_it_from_the_journal_with_its_batch_size() throws Exception {
        Path file = Files.writeString(inbox.resolve("list.csv"), "phone\n+12127361001\n+12127361002\n");
        one.claims().add(file.toString());
        FileJournal first = one.store().journal(file, false, "list.csv");
        assertThat(first.status(Duration.ofHours(24))).isEqualTo(FileJournal.Status.NEW);
        first.begin(start(file, 1));
        first.record(accepted(1, 1));

        takeOver(file);
        FileJournal resumed = two.store().journal(file, false, "list.csv");

        assertThat(resumed.status(Duration.ofHours(24))).isEqualTo(FileJournal.Status.RESUME);
        assertThat(resumed.previousStart().batchSize()).as("the same batch boundaries").isEqualTo(1);
        assertThat(resumed.settledCount()).isEqualTo(1);
        assertThat(resumed.settledBefore("bc_1", 1, 1, 1)).hasSize(1);
        assertThat(resumed.settledBefore("bc_1", 2, 2, 2)).isEmpty();
        assertThat(TestDatabase.queryOne(url, "SELECT settled_batches FROM loader_journals")).isEqualTo("1");
    }

    @Test
    void a_stalled_former_owner_can_neither_settle_nor_send() throws Exception {
        Path file = Files.writeString(inbox.resolve("list.csv"), "phone\n+12127361001\n+12127361002\n");
        one.claims().add(file.toString());
        FileJournal stalled = one.store().journal(file, false, "list.csv");
        stalled.begin(start(file, 1));
        assertThat(stalled.held()).isTrue();

        takeOver(file);
        one.claims().beat(); // what the stalled owner's heartbeat finds when it runs again

        assertThat(stalled.held()).as("no more sending").isFalse();
        assertThatThrownBy(() -> stalled.record(accepted(1, 1))).isInstanceOf(JournalUnavailableException.class)
                .hasMessageContaining("another instance has taken list.csv over");
        assertThatThrownBy(() -> stalled.complete(new FileJournal.Done("done/list.report.json", Instant.now().toString(),
                "done/list.csv", Files.size(file), null, null), "other-key")).isInstanceOf(JournalUnavailableException.class);
        assertThat(TestDatabase.queryOne(url, "SELECT count(*) FROM loader_journal_lines WHERE line LIKE '%\"batch\"%'"))
                .as("nothing settled by the former owner").isEqualTo("0");
        assertThat(TestDatabase.queryOne(url, "SELECT settled_batches FROM loader_journals")).isEqualTo("0");
    }

    @Test
    void content_loaded_by_one_instance_is_a_duplicate_for_another_for_the_same_batch_call_only() throws Exception {
        Path file = Files.writeString(inbox.resolve("list.csv"), "phone\n+12127361001\n");
        one.claims().add(file.toString());
        FileJournal journal = one.store().journal(file, false, "list.csv");
        journal.begin(start(file, 100));
        journal.record(accepted(1, 1));
        journal.complete(new FileJournal.Done("done/list.report.json", Instant.now().toString(), "done/list.csv",
                Files.size(file), null, null), one.store().keyOf(FileDigests.ofPrefix(file, Files.size(file)), file, false,
                "list.csv"));

        Path again = Files.writeString(inbox.resolve("copy.csv"), "phone\n+12127361001\n");
        two.claims().add(again.toString());
        FileJournal seen = two.store().journal(again, false, "copy.csv");
        Path elsewhere = Files.writeString(Files.createDirectories(inbox.resolve("bc_2")).resolve("copy.csv"),
                "phone\n+12127361001\n");
        two.claims().add(elsewhere.toString());
        FileJournal forAnotherBatchCall = two.store().journal(elsewhere, false, "bc_2/copy.csv");

        assertThat(seen.status(Duration.ofHours(24))).isEqualTo(FileJournal.Status.DUPLICATE);
        assertThat(seen.previousStart().file()).isEqualTo("list.csv");
        assertThat(forAnotherBatchCall.status(Duration.ofHours(24))).isEqualTo(FileJournal.Status.NEW);
    }

    @Test
    void an_output_name_is_taken_by_one_instance_only() {
        assertThat(one.store().reserve("list")).isTrue();
        assertThat(two.store().reserve("list")).isFalse();
        assertThat(two.store().reserve("list-2")).isTrue();
        assertThat(one.store().reserve("list-2")).isFalse();
    }

    @Test
    void without_the_database_a_batch_is_not_settled_and_says_why() throws Exception {
        Path file = Files.writeString(inbox.resolve("list.csv"), "phone\n+12127361001\n");
        one.claims().add(file.toString());
        FileJournal journal = one.store().journal(file, false, "list.csv");
        journal.begin(start(file, 100));
        one.db().stop();

        assertThatThrownBy(() -> journal.record(accepted(1, 1))).isInstanceOf(JournalUnavailableException.class)
                .hasMessageContaining("cannot journal a settled batch of list.csv");
        assertThat(journal.held()).isFalse();
    }

    private void takeOver(Path file) {
        TestDatabase.execute(url, "UPDATE loader_claims SET heartbeat_at = now() - interval '1 hour'");
        assertThat(two.claims().add(file.toString())).isTrue();
    }

    private static FileJournal.Start start(Path file, int batchSize) throws Exception {
        return new FileJournal.Start("list.csv", "list", "retry/list.retry-1.csv", Instant.now().toString(),
                Files.size(file), batchSize);
    }

    private static SettledBatch accepted(int batch, long row) {
        return new SettledBatch(batch, "bc_1", row, row, new BatchOutcome(Disposition.ACCEPTED, 201, "req_" + batch, null,
                "added 1", ApiCounts.NONE), 1, Map.of());
    }
}
