package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The settle watch: an original that grew after it was archived (a copy that stalled for longer
 * than loader.settle-time) is read again; only the rows past what was settled are sent, and its
 * report is rewritten to cover the whole file.
 */
class GrownAfterArchivingTest extends LoaderTest {

    @Test
    void rows_appended_to_an_archived_original_are_sent_once_and_the_report_covers_the_whole_file() throws Exception {
        String first = "phone,first_name\n+12127361000,Ann\n+1212736";
        String rest = "1001,Bob\n+12127361002,Cy\n";
        JsonNode firstReport = appendAfterArchiving(first, rest);
        assertThat(firstReport.path("rejected").asInt()).as("the cut row, read as it was").isEqualTo(1);

        JsonNode report = loader.report("list");
        assertThat(report.path("accepted").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+12127361001", "+12127361002");
        assertThat(Files.readString(loader.done.resolve("list.csv"))).isEqualTo(first + rest);
        assertThat(filesIn(loader.done)).containsExactly("list.csv", "list.report.json");
        assertThat(filesIn(loader.error)).as("the first read's rejected.csv is gone").isEmpty();
        assertThat(filesIn(loader.inbox)).isEmpty();
    }

    @Test
    void a_cut_last_row_that_was_sent_and_is_completed_differently_is_rejected_not_sent_twice() throws Exception {
        appendAfterArchiving("phone,first_name\n+12127361000,Ann\n+12127361001,Bo", "b Smith\n+12127361002,Cy\n");

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+12127361001", "+12127361002");
        List<Map<String, String>> rejected = loader.rejectedRows("list");
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row.get("row")).isEqualTo("2");
            assertThat(row.get("reason")).isEqualTo("read_while_written");
            assertThat(row.get("detail")).contains("[+12127361001, Bo]", "[+12127361001, Bob Smith]");
        });
        JsonNode report = loader.report("list");
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
    }

    /**
     * Drops {@code first} as a finished file, waits until it is archived with its report (returned),
     * then appends {@code rest} to the original in done/, as a writer that stalled goes on, and
     * waits until the file's report covers its three rows.
     */
    private JsonNode appendAfterArchiving(String first, String rest) throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("loader.read-lock-min-age", "200ms").with("loader.settle-time", "1s");
        Path archived = loader.done.resolve("list.csv");
        JsonNode firstReport;
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/list.csv", first);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(archived) && Files.size(archived) == first.length()
                    && Files.exists(loader.done.resolve("list.report.json")));
            firstReport = loader.report("list");

            Files.writeString(archived, rest, StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(30)).until(() -> loader.report("list").path("rows").asInt() == 3
                    && Files.exists(archived));
        }
        return firstReport;
    }
}
