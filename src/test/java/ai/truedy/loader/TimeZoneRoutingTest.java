package ai.truedy.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** loader.by-zone.*: a national list is split into one batch call per time zone, through the real routes. */
class TimeZoneRoutingTest extends LoaderTest {

    static final String ROUTING = """
            loader.by-zone.spring-east    = America/New_York, America/Toronto, America/Detroit
            loader.by-zone.spring-central = America/Chicago, America/Winnipeg
            loader.by-zone.spring-mountain = America/Denver, America/Boise, America/Phoenix
            loader.by-zone.spring-west    = America/Los_Angeles, America/Vancouver
            loader.by-zone.spring-safe    = ambiguous, unknown
            """;

    /** Which batch call each group of rows must reach, and how the rows are made (208555: Boise or Los Angeles). */
    record Group(String batchCall, String prefix, String state, int rows) {
    }

    static final List<Group> GROUPS = List.of(new Group("spring-east", "212736", "", 40),
            new Group("spring-central", "312736", "IL", 40), new Group("spring-mountain", "303736", "", 40),
            new Group("spring-west", "213736", "California", 40), new Group("spring-safe", "208555", "", 20),
            new Group("spring-safe", "646736", "CA", 10), new Group(null, "+44", "", 10));

    @BeforeEach
    void routingForTheFolder() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.drop("national/.loader.properties", ROUTING);
    }

    @Test
    void a_national_list_reaches_one_batch_call_per_zone_and_the_report_counts_each() throws Exception {
        loader.drop("national/list.csv", list(0));

        assertThat(loader.runOnce()).as("10 rows not routed").isEqualTo(3);

        Map<String, List<String>> sent = TruedyApi.sentByBatchCall(api);
        assertThat(sent).containsOnlyKeys("spring-east", "spring-central", "spring-mountain", "spring-west", "spring-safe");
        for (String batchCall : sent.keySet()) {
            assertThat(sent.get(batchCall)).as(batchCall).containsExactlyElementsOf(expected(batchCall, 0));
        }
        assertThat(TruedyApi.requests(api)).allSatisfy(request -> assertThat(request.getUrl()).doesNotContain("national"));
        assertThat(loader.rejectedRows("list")).hasSize(10).allSatisfy(row -> {
            assertThat(row.get("reason")).isEqualTo("time_zone_not_routed");
            assertThat(row.get("detail")).isEqualTo("its time zones Europe/London: Europe/London listed under no batch call");
        });

        JsonNode routed = loader.report("list").path("routed");
        assertThat(routed.path("spring-east").path("contacts").asLong()).isEqualTo(40);
        assertThat(routed.path("spring-east").path("zones").path("America/New_York").asLong()).isEqualTo(40);
        assertThat(routed.path("spring-central").path("contacts").asLong()).isEqualTo(40);
        assertThat(routed.path("spring-safe").path("contacts").asLong()).isEqualTo(30);
        assertThat(routed.path("spring-safe").path("zones").path("America/Los_Angeles").asLong()).isEqualTo(30);
        assertThat(routed.path("spring-safe").path("zones").path("America/Boise").asLong()).isEqualTo(20);
        assertThat(routed.path("spring-safe").path("zones").path("America/New_York").asLong()).isEqualTo(10);
        assertThat(loader.report("list").path("reasons").path("time_zone_not_routed").asLong()).isEqualTo(10);
    }

    @Test
    void the_same_contacts_again_are_already_sent_for_the_batch_call_they_were_routed_to() throws Exception {
        loader.drop("national/list.csv", list(0));
        loader.runOnce();
        api.resetRequests();
        loader.drop("national/again.csv", list(0) + "+12127369999,New,Row,\n");

        loader.runOnce();

        assertThat(TruedyApi.sentByBatchCall(api)).containsOnlyKeys("spring-east");
        assertThat(loader.report("again").path("reasons").path("already_sent").asLong()).isEqualTo(190);
        assertThat(loader.rejectedRows("again")).filteredOn(row -> row.get("reason").equals("already_sent"))
                .extracting(row -> row.get("detail")).anySatisfy(detail -> assertThat(detail).contains("spring-safe"))
                .anySatisfy(detail -> assertThat(detail).contains("spring-west"));
    }

    @Test
    void rows_of_one_zone_that_wait_in_retry_keep_their_batch_call_and_go_there_when_re_driven() throws Exception {
        api.stubFor(post(urlPathEqualTo("/api/public/v1/batch-calls/spring-west/contacts")).atPriority(1)
                .willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.with("truedy.retry.max-attempts", "1").with("loader.redrive.delay", "0s");
        loader.drop("national/list.csv", list(0));
        loader.runOnce();
        assertThat(loader.retryRows("list.retry-1.csv")).hasSize(40)
                .allSatisfy(row -> assertThat(row.get("batch_call_id")).isEqualTo("spring-west"));
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));

        loader.runOnce();

        assertThat(TruedyApi.sentByBatchCall(api)).containsOnlyKeys("spring-west");
        assertThat(TruedyApi.sentByBatchCall(api).get("spring-west")).containsExactlyElementsOf(expected("spring-west", 0));
        assertThat(filesIn(loader.retry)).isEmpty();
    }

    @Test
    void a_folder_whose_routing_names_no_zone_sets_its_files_aside_saying_which_setting() throws Exception {
        loader.drop("national/.loader.properties", ROUTING + "loader.by-zone.spring-hawaii = Pacific/Honolulu, America/New_Yrok, America/Chicago\n");
        loader.drop("national/list.csv", list(0));

        loader.runOnce();

        assertThat(TruedyApi.requests(api)).isEmpty();
        assertThat(filesIn(loader.error)).contains("list.csv", "list.error.json");
        assertThat(loader.errorReport("list").path("error").asText())
                .contains("national/.loader.properties", "loader.by-zone.spring-hawaii: America/New_Yrok is not a time zone",
                        "America/Chicago is listed under spring-central and spring-hawaii");
    }

    /** The list: for each group its rows, phone, first name, last name, email, state. */
    static String list(int offset) {
        StringBuilder csv = new StringBuilder("phone,first_name,last_name,email,state\n");
        int n = 0;
        for (Group group : GROUPS) {
            for (int i = 0; i < group.rows(); i++, n++) {
                csv.append(phone(group, i + offset)).append(",First").append(n).append(",Last").append(n).append(",,")
                        .append(group.state()).append('\n');
            }
        }
        return csv.toString();
    }

    static String phone(Group group, int i) {
        return group.prefix().startsWith("+") ? "+4420794601%02d".formatted(i) : "+1" + group.prefix() + "%04d".formatted(i);
    }

    /** The contacts a batch call must receive, in file order, as {@link TruedyApi#inOneLine} writes them. */
    static List<String> expected(String batchCall, int offset) {
        List<String> contacts = new ArrayList<>();
        int n = 0;
        for (Group group : GROUPS) {
            for (int i = 0; i < group.rows(); i++, n++) {
                if (batchCall.equals(group.batchCall())) {
                    contacts.add(phone(group, i + offset) + " First" + n + " Last" + n + " ");
                }
            }
        }
        return contacts;
    }
}
