package ai.truedy.loader;

import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader remembers, per batch call, the numbers Truedy accepted (loader.sent-memory): one list
 * loads into several campaigns, and a daily full export sends only what is new.
 */
class SentMemoryTest extends LoaderTest {

    static final String LIST = LoaderFixture.phoneColumn("+1212", 7_361_000, 20);

    @Test
    void one_list_dropped_into_two_batch_calls_reaches_both_in_full() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(20, 0)));
        loader.drop("campA/list.csv", LIST);
        assertThat(loader.runOnce()).isZero();
        loader.drop("campB/list.csv", LIST);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).extracting(CampaignsSideBySideTest::batchCall).containsExactly("campA", "campB");
        List<List<JsonNode>> batches = TruedyApi.sentBatches(api);
        assertThat(batches.get(0)).extracting(contact -> contact.path("phone_number").asText())
                .as("campB received every row campA did").hasSize(20)
                .isEqualTo(batches.get(1).stream().map(contact -> contact.path("phone_number").asText()).toList());
        JsonNode second = loader.report("list-2");
        assertThat(second.path("file").asText()).isEqualTo("campB/list.csv");
        assertThat(second.path("duplicate_of").isNull()).as("not a duplicate: another batch call").isTrue();
        assertThat(second.path("accepted").asInt()).isEqualTo(20);
    }

    @Test
    void the_same_list_dropped_twice_into_one_batch_call_is_skipped_as_a_duplicate_file() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(20, 0)));
        loader.drop("campA/list.csv", LIST);
        loader.runOnce();
        loader.drop("campA/again.csv", LIST);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).hasSize(1);
        assertThat(loader.report("again").path("duplicate_of").asText()).isEqualTo("campA/list.csv");
    }

    @Test
    void day_twos_full_export_sends_only_the_new_rows_and_counts_the_rest_as_already_sent() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        loader.drop("campA/day-1.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 100));
        assertThat(loader.runOnce()).isZero();
        api.resetRequests();
        loader.drop("campA/day-2.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 110));

        assertThat(loader.runOnce()).as("nothing failed: the rows not sent are in the batch call already").isZero();

        assertThat(TruedyApi.sentPhones(api)).as("only the 10 new rows").hasSize(10)
                .containsExactlyElementsOf(List.of(LoaderFixture.phoneColumn("+1212", 7_361_100, 10).split("\n"))
                        .subList(1, 11));
        JsonNode report = loader.report("day-2");
        assertThat(report.path("rows").asInt()).isEqualTo(110);
        assertThat(report.path("accepted").asInt()).isEqualTo(10);
        assertThat(report.path("rejected").asInt()).isEqualTo(100);
        assertThat(report.path("reasons").path("already_sent").asInt()).isEqualTo(100);
        Map<String, String> first = loader.rejectedRows("day-2").get(0);
        assertThat(first.get("phone")).isEqualTo("+12127361000");
        assertThat(first.get("reason")).isEqualTo("already_sent");
        assertThat(first.get("detail")).startsWith("Truedy accepted this number for campA on 20")
                .contains(" from campA/day-1.csv; it is not sent again (loader.sent-memory)");
    }

    @Test
    void a_number_a_422_named_is_not_remembered_and_the_next_export_sends_it() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("422").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.json(422, """
                        {"detail":[{"loc":["body","contacts",1,"phone_number"],"msg":"Number is blocked","type":"value_error"}]}"""))
                .willSetStateTo("fixed"));
        api.stubFor(TruedyApi.addContacts().inScenario("422").whenScenarioStateIs("fixed")
                .willReturn(TruedyApi.addedCount(2, 0)));
        loader.drop("campA/day-1.csv", "phone\n+12127361001\n+12127361002\n+12127361003\n");
        assertThat(loader.runOnce()).isEqualTo(3);
        api.resetRequests();
        loader.drop("campA/day-2.csv", "phone\n+12127361001\n+12127361002\n+12127361003\n+12127361004\n");

        loader.runOnce();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361002", "+12127361004");
        assertThat(loader.rejectedRows("day-2")).extracting(row -> row.get("phone") + " " + row.get("reason"))
                .containsExactly("+12127361001 already_sent", "+12127361003 already_sent");
    }

    @Test
    void resend_sends_every_row_again_and_so_does_a_folder_whose_sent_memory_is_0() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(20, 0)));
        loader.drop("campA/day-1.csv", LIST);
        loader.drop("campB/day-1.csv", LIST);
        loader.runOnce();
        api.resetRequests();

        loader.drop("campA/day-2.csv", LIST + "+16465551000\n");
        assertThat(loader.with("loader.resend", "true").runOnce()).as("--resend").isZero();
        loader.with("loader.resend", "false");
        loader.drop("campB/.loader.properties", "# send this campaign's lists in full\nloader.sent-memory = 0\n");
        loader.drop("campB/day-2.csv", LIST + "+16465551000\n");
        assertThat(loader.runOnce()).as("a folder with loader.sent-memory = 0").isZero();

        assertThat(TruedyApi.sentPhones(api)).hasSize(42);
        assertThat(loader.report("day-2").path("accepted").asInt()).isEqualTo(21);
        assertThat(loader.report("day-2-2").path("accepted").asInt()).isEqualTo(21);
    }

    @Test
    void with_sent_memory_0_nothing_is_remembered() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(20, 0)));
        loader.with("loader.sent-memory", "0");
        loader.drop("campA/day-1.csv", LIST);
        loader.runOnce();
        loader.drop("campA/day-2.csv", LIST + "+16465551000\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).hasSize(41);
        assertThat(filesIn(root.resolve("state/sent"))).isEmpty();
    }

    @Test
    void a_preview_shows_rows_already_sent_as_a_load_would_and_remembers_nothing() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(20, 0)));
        loader.drop("campA/day-1.csv", LIST);
        loader.runOnce();
        List<String> remembered = filesIn(root.resolve("state/sent"));
        api.resetRequests();
        loader.drop("campA/day-2.csv", LIST + "+16465551000\n");

        assertThat(loader.previewOnce()).as("as a load would: the rows already sent fail nothing").isZero();

        JsonNode preview = ai.truedy.loader.support.ReportSchemas.validated(loader.preview.resolve("campA/day-2.report.json"));
        assertThat(preview.path("reasons").path("already_sent").asInt()).isEqualTo(20);
        assertThat(preview.path("accepted").asInt()).isEqualTo(1);
        assertThat(TruedyApi.requests(api)).isEmpty();
        assertThat(filesIn(root.resolve("state/sent"))).isEqualTo(remembered);
    }
}
