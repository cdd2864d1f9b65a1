package ai.truedy.loader;

import java.nio.file.Files;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** loader.columns.* name the columns recognition does not find, for every file or for one inbox folder. */
class ColumnMappingTest extends LoaderTest {

    static final String UNUSUAL_HEADER = """
            Wer,Rückruf A,Rückruf B,Notiz
            Ann Lee,+12127361501,+12127361502,x
            Bob Ray,,+12127361503,y
            """;

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void loader_columns_names_the_phone_columns_in_the_order_a_row_tries_them_and_the_name_column() throws Exception {
        loader.with("loader.columns.phone", "Rückruf B, Rückruf A").with("loader.columns.name", "Wer")
                .drop("bc_1/calls.csv", UNUSUAL_HEADER);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(contact -> contact.path("phone_number").asText() + " " + contact.path("first_name").asText())
                .containsExactly("+12127361502 Ann", "+12127361503 Bob"));
        assertThat(loader.report("calls").path("phone_columns").toString()).isEqualTo("{\"Rückruf B\":2}");
    }

    @Test
    void a_mapping_wins_over_the_column_recognised() throws Exception {
        loader.with("loader.columns.phone", "Backup").drop("bc_1/list.csv", "Phone,Backup\n+12127361511,+12127361512\n");

        loader.runOnce();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361512");
    }

    @Test
    void a_folder_columns_properties_maps_the_files_of_that_folder_only_and_is_never_loaded() throws Exception {
        loader.drop("bc_1/.columns.properties", "loader.columns.phone = Rückruf A\nname = Wer\n");
        loader.drop("bc_1/calls.csv", UNUSUAL_HEADER);
        loader.drop("bc_2/others.csv", UNUSUAL_HEADER.replace(",x", ",z")); // other content: not a duplicate

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(contact -> contact.path("phone_number").asText()).containsExactly("+12127361501"));
        assertThat(loader.rejectedRows("calls")).extracting(row -> row.get("Wer") + " " + row.get("reason"))
                .containsExactly("Bob Ray missing_phone");
        assertThat(loader.errorReport("others").path("error").asText()).startsWith("no phone column");
        assertThat(loader.inbox.resolve("bc_1/.columns.properties")).exists();
        assertThat(filesIn(loader.done)).doesNotContain(".columns.properties");
    }

    @Test
    void a_file_without_a_phone_column_is_refused_with_the_setting_that_would_load_it() throws Exception {
        loader.drop("bc_1/calls.csv", UNUSUAL_HEADER);

        assertThat(loader.runOnce()).isEqualTo(3);

        String error = loader.errorReport("calls").path("error").asText();
        assertThat(error).startsWith("no phone column: the header has [Wer, Rückruf A, Rückruf B, Notiz]")
                .contains("the values of [Rückruf B, Rückruf A] look like phone numbers")
                .contains("set \"loader.columns.phone = Rückruf B, Rückruf A\" in application.properties, or in the"
                        + " inbox's bc_1/.loader.properties")
                .doesNotContain("12127361501");
        assertThat(TruedyApi.requests(api)).isEmpty();

        loader.drop("bc_1/.columns.properties", "loader.columns.phone = Rückruf B, Rückruf A\n");
        Files.move(loader.error.resolve("calls.csv"), loader.inbox.resolve("bc_1/calls.csv"));
        assertThat(loader.runOnce()).isZero();
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361502", "+12127361503");
    }

    @Test
    void an_unknown_setting_in_a_folder_file_refuses_the_file_and_says_which() throws Exception {
        loader.drop("bc_1/.columns.properties", "loader.columns.phnoe = Rückruf A\n");
        loader.drop("bc_1/calls.csv", UNUSUAL_HEADER);

        loader.runOnce();

        assertThat(loader.errorReport("calls").path("error").asText())
                .startsWith("the inbox's bc_1/.columns.properties has an unknown setting 'loader.columns.phnoe'");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }
}
