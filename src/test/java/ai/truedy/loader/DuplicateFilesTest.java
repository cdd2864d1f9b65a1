package ai.truedy.loader;

import java.util.List;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The same content dropped again within loader.duplicate-file-window is not sent twice. */
class DuplicateFilesTest extends LoaderTest {

    static final String LIST = "phone,first_name\n+12127361001,Ann\n+12127361002,Bob\n";

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
    }

    @Test
    void the_same_content_under_another_name_goes_to_done_with_a_report_naming_the_first_file() throws Exception {
        loader.drop("bc_1/monday.csv", LIST);
        loader.runOnce();

        loader.drop("bc_1/monday-again.csv", LIST);
        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).hasSize(1);
        JsonNode report = loader.report("monday-again");
        assertThat(report.path("duplicate_of").asText()).isEqualTo("bc_1/monday.csv");
        assertThat(report.path("rows").asInt()).isZero();
        assertThat(filesIn(loader.done)).containsExactly("monday-again.csv", "monday-again.report.json", "monday.csv",
                "monday.report.json");
        assertThat(filesIn(loader.inbox)).isEmpty();
    }

    @Test
    void the_same_content_in_two_files_loaded_at_once_is_sent_once_and_the_second_waits_for_the_first() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0).withFixedDelay(300)));
        loader.with("loader.arrival-order", "false"); // a folder's files side by side
        loader.drop("bc_1/list.csv", LIST);
        loader.drop("bc_1/copy.csv", LIST);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).hasSize(1);
        JsonNode first = loader.report("list");
        JsonNode second = loader.report("copy");
        List<String> duplicateOf = List.of(first.path("duplicate_of").asText(), second.path("duplicate_of").asText());
        assertThat(duplicateOf).as("one is the other's duplicate").containsAnyOf("bc_1/list.csv", "bc_1/copy.csv")
                .containsOnlyOnce("null");
        assertThat(first.path("accepted").asInt() + second.path("accepted").asInt()).isEqualTo(2);
        assertThat(filesIn(root.resolve("state/files"))).as("one journal, written by one file").hasSize(1);
        assertThat(filesIn(loader.inbox)).isEmpty();
    }

    @Test
    void the_memory_of_loaded_files_survives_a_restart_and_ends_with_the_window() throws Exception {
        loader.with("loader.sent-memory", "0"); // the numbers themselves are not remembered here
        loader.drop("bc_1/monday.csv", LIST);
        loader.runOnce();
        loader.drop("bc_1/tuesday.csv", LIST);
        loader.runOnce();
        assertThat(TruedyApi.requests(api)).as("a new run still knows the content").hasSize(1);

        loader.with("loader.duplicate-file-window", "0").drop("bc_1/wednesday.csv", LIST);
        loader.runOnce();

        assertThat(TruedyApi.requests(api)).as("window 0 turns the check off").hasSize(2);
        assertThat(loader.report("wednesday").path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void a_retry_file_with_the_same_rows_as_an_earlier_round_is_still_sent() throws Exception {
        loader.with("loader.sent-memory", "0"); // the rows of a retry file were not accepted, these are
        loader.drop("list.retry-1.csv", "phone,batch_call_id\n+12127361001,bc_1\n");
        loader.runOnce();
        loader.drop("list.retry-2.csv", "phone,batch_call_id\n+12127361001,bc_1\n");
        loader.runOnce();

        assertThat(TruedyApi.requests(api)).hasSize(2);
    }
}
