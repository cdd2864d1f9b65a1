package ai.truedy.loader;

import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows that cannot be sent are rejected with a reason; the others still go out. */
class RowValidationTest extends LoaderTest {

    @BeforeEach
    void setUp() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void rejects_rows_without_a_phone_number() throws Exception {
        loader.drop("bc_1/list.csv", """
                name,phone
                Jane,+12127361000
                John,
                Jim,"   "
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.rejectedRows("list")).extracting(row -> row.get("name") + "/" + row.get("row") + "/"
                + row.get("reason")).containsExactly("John/2/missing_phone", "Jim/3/missing_phone");
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000");
    }

    @Test
    void rejects_numbers_that_cannot_be_normalized_and_keeps_the_original_value() throws Exception {
        loader.drop("bc_1/list.csv", """
                phone,first_name
                not a number,Ann
                736-1000,Bob
                +999 1234 5678,Cid
                +1 212 736 1000 0000 0000,Dee
                (212) 736-1000,Eve
                """);

        loader.runOnce();

        List<Map<String, String>> rejected = loader.rejectedRows("list");
        assertThat(rejected).extracting(row -> row.get("phone"))
                .containsExactly("not a number", "736-1000", "+999 1234 5678", "+1 212 736 1000 0000 0000");
        assertThat(rejected).extracting(row -> row.get("reason")).containsOnly("invalid_phone");
        assertThat(rejected).extracting(row -> row.get("detail")).containsExactly(
                "phone number is not a phone number",
                "phone number is a local number without area code",
                "phone number has an unknown country code",
                "phone number is too long");
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000");
    }

    @Test
    void rejects_a_second_row_with_the_same_number_for_the_same_batch_call() throws Exception {
        loader.drop("list.csv", """
                phone,batch_call_id
                (212) 736-1000,bc_a
                +1 212-736-1000,bc_a
                212.736.1000,bc_b
                """);

        loader.runOnce();

        assertThat(loader.rejectedRows("list")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("row", "2").containsEntry("reason", "duplicate_in_file")
                .containsEntry("detail", "same number as row 1"));
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+12127361000");
    }

    @Test
    void keeps_the_report_invariant_rows_equal_accepted_plus_rejected_plus_pending_retry() throws Exception {
        api.stubFor(TruedyApi.addContacts().atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("+14155550101"))
                .willReturn(TruedyApi.error(500, "internal", "oops")));
        loader.with("truedy.batch-size", "2").drop("bc_1/mixed.csv", """
                phone,first_name
                +12127361000,ok1
                +12127361001,ok2
                ,missing
                +14155550101,retry1
                +14155550102,retry2
                +12127361000,duplicate
                12,invalid
                +12127361003,ok3
                """);

        loader.runOnce();

        JsonNode report = loader.report("mixed");
        assertThat(report.path("rows").asLong()).isEqualTo(8);
        assertThat(report.path("accepted").asLong()).isEqualTo(3);
        assertThat(report.path("rejected").asLong()).isEqualTo(3);
        assertThat(report.path("pending_retry").asLong()).isEqualTo(2);
        assertThat(report.path("reasons").path("missing_phone").asLong()).isEqualTo(1);
        assertThat(report.path("reasons").path("duplicate_in_file").asLong()).isEqualTo(1);
        assertThat(report.path("reasons").path("invalid_phone").asLong()).isEqualTo(1);
        assertThat(loader.retryRows("mixed.retry-1.csv")).extracting(row -> row.get("first_name"))
                .containsExactly("retry1", "retry2");
        assertThat(loader.rejectedRows("mixed")).extracting(row -> row.get("first_name"))
                .containsExactly("missing", "duplicate", "invalid");
    }

    @Test
    void an_unclosed_quote_rejects_that_line_as_malformed_and_reads_on_from_the_next() throws Exception {
        loader.drop("bc_1/broken.csv", """
                phone,first_name
                +12127361000,Jane
                +12127361001,"John
                +12127361002,Jim
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+12127361002");
        JsonNode report = loader.report("broken");
        assertThat(report.path("rows").asLong()).isEqualTo(3);
        assertThat(report.path("reasons").path("malformed_row").asLong()).isEqualTo(1);
        assertThat(loader.rejectedRows("broken")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("row", "2").containsEntry("reason", "malformed_row")
                .hasEntrySatisfying("detail", detail -> assertThat(detail).endsWith("): +12127361001,\"John")));
    }
}
