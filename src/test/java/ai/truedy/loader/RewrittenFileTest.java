package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file that shrank or was rewritten (its first bytes differ) while or after it was read goes to
 * error/ with name.error.json saying so, and what was already sent stays accounted for.
 */
class RewrittenFileTest extends LoaderTest {

    static final String THREE_ROWS = "phone,first_name\n+12127361000,Ann\n+12127361001,Bob\n+12127361002,Cy\n";

    @Test
    void a_file_that_shrinks_while_it_is_read_goes_to_error_with_what_was_sent() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("truedy.batch-size", "1").with("loader.read-lock-min-age", "200ms").with("loader.settle-time", "1m");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            Path file = writtenJustNow("bc_1/list.csv", THREE_ROWS);
            awaitWaitingAtTheEnd();

            Files.writeString(file, "phone\n+1\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(loader.error.resolve("list.error.json")));
        }

        JsonNode error = loader.errorReport("list");
        assertThat(error.path("error").asText()).contains("while it was being read", "rewritten");
        assertThat(error.path("rows_read").asInt()).isEqualTo(3);
        assertThat(error.path("accepted").asInt()).isEqualTo(3);
        assertThat(filesIn(loader.error)).containsExactly("list.csv", "list.error.json");
        assertThat(filesIn(loader.done)).isEmpty();
        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(TruedyApi.sentPhones(api)).as("two batches are in flight at once, in any order")
                .containsExactlyInAnyOrder("+12127361000", "+12127361001", "+12127361002");
    }

    @Test
    void a_file_rewritten_with_other_first_bytes_while_it_is_read_goes_to_error() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("truedy.batch-size", "1").with("loader.read-lock-min-age", "200ms").with("loader.settle-time", "1m");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            Path file = writtenJustNow("bc_1/list.csv", THREE_ROWS);
            awaitWaitingAtTheEnd();

            Files.writeString(file, THREE_ROWS.replace("phone,first_name", "PHONE,FIRST_NAME") + "+12127361003,Dee\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(loader.error.resolve("list.error.json")));
        }

        assertThat(loader.errorReport("list").path("error").asText()).contains("rewritten");
        assertThat(filesIn(loader.error)).contains("list.csv", "list.error.json");
        assertThat(filesIn(loader.done)).isEmpty();
    }

    @Test
    void an_archived_original_rewritten_within_the_settle_watch_goes_to_error_and_its_report_stays() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(3, 0)));
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/list.csv", THREE_ROWS);
            loader.awaitReport("list");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(loader.done.resolve("list.csv")));

            Files.writeString(loader.done.resolve("list.csv"), "phone\n+12127369999\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(loader.error.resolve("list.error.json")));
        }

        JsonNode error = loader.errorReport("list");
        assertThat(error.path("error").asText()).startsWith("the file changed after it was loaded").contains("shrank");
        assertThat(error.path("accepted").asInt()).isEqualTo(3);
        assertThat(error.path("outputs").path("report").asText()).endsWith("list.report.json");
        assertThat(Files.readString(loader.error.resolve("list.csv"))).isEqualTo("phone\n+12127369999\n");
        assertThat(filesIn(loader.done)).containsExactly("list.report.json");
        assertThat(loader.report("list").path("accepted").asInt()).isEqualTo(3);
        assertThat(TruedyApi.requests(api)).hasSize(1);
    }

    /**
     * The loader has read to the end of what is there and waits for more: the batch of the last row
     * is held while the split asks for the next, so two of the three have been sent.
     */
    private void awaitWaitingAtTheEnd() {
        await().atMost(Duration.ofSeconds(20)).until(() -> TruedyApi.requests(api).size() == 2);
    }

    /** A file written now, as a copy in progress looks: its last modification is this moment. */
    private Path writtenJustNow(String relativePath, String content) throws Exception {
        Path file = loader.inbox.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
