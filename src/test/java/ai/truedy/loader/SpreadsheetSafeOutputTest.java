package ai.truedy.loader;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells a spreadsheet would run as formulas are written with a leading apostrophe in every CSV the
 * loader writes, and read back without it, so a re-dropped output file reads to the same rows.
 */
class SpreadsheetSafeOutputTest extends LoaderTest {

    static final String FILE = """
            first_name,last_name,phone,email,notes
            "=HYPERLINK(""http://evil.example"",""click"")",Smith,,a@example.com,@SUM(A1)
            Bob,+cmd|' /C calc'!A0,not-a-phone,,-2+3
            Ann,Lee,+1 212 736 1000,ann@example.com,-5
            "\ttabbed",Ray,+44 20 7946 0958,not-an-email,plain
            """;

    @Test
    void formula_cells_in_rejected_and_warnings_files_get_a_leading_apostrophe() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        loader.drop("bc_1/list.csv", FILE);

        loader.runOnce();

        List<Map<String, String>> rejected = loader.rejectedRows("list");
        assertThat(rejected).extracting(row -> row.get("first_name"))
                .containsExactly("'=HYPERLINK(\"http://evil.example\",\"click\")", "Bob");
        assertThat(rejected).extracting(row -> row.get("notes")).containsExactly("'@SUM(A1)", "-2+3");
        assertThat(rejected).extracting(row -> row.get("last_name")).containsExactly("Smith", "'+cmd|' /C calc'!A0");
        assertThat(LoaderFixture.csv(loader.error.resolve("list.warnings.csv")))
                .singleElement().satisfies(row -> assertThat(row.get("first_name")).isEqualTo("'\ttabbed"));
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+442079460958");
        assertThat(TruedyApi.sentBatches(api).get(0).get(1).path("first_name").asText()).isEqualTo("tabbed");
    }

    @Test
    void a_rejected_file_dropped_back_reads_to_the_same_rows_without_the_apostrophes() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        loader.drop("bc_1/list.csv", FILE);
        loader.runOnce();
        String written = Files.readString(loader.error.resolve("list.rejected.csv"));

        loader.drop("bc_1/again.csv", written);
        loader.runOnce();

        assertThat(loader.rejectedRows("again")).isEqualTo(loader.rejectedRows("list"));
        assertThat(Files.readString(loader.error.resolve("again.rejected.csv"))).isEqualTo(written);
    }

    @Test
    void a_retry_file_escapes_formulas_and_sends_the_original_cells_when_re_driven() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.with("truedy.retry.max-attempts", "1");
        loader.drop("bc_1/list.csv", "first_name,phone\n=1+2,+12127361000\n");
        loader.runOnce();
        assertThat(loader.retryRows("list.retry-1.csv")).singleElement()
                .satisfies(row -> assertThat(row.get("first_name")).isEqualTo("'=1+2"));
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));

        loader.drop("list.retry-1.csv", Files.readString(loader.retry.resolve("list.retry-1.csv")));
        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentBatches(api)).singleElement()
                .satisfies(batch -> assertThat(batch.get(0).path("first_name").asText()).isEqualTo("=1+2"));
    }
}
