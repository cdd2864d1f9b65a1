package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** A file that cannot be read as a contact list goes to error/ with the reason, never back to the inbox. */
class UnreadableFileTest extends LoaderTest {

    @BeforeEach
    void setUp() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void an_empty_file_goes_to_error_with_the_reason() throws Exception {
        loader.drop("bc_1/empty.csv", "");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(filesIn(loader.error)).containsExactly("empty.csv", "empty.error.json");
        assertThat(loader.errorReport("empty").path("error").asText()).isEqualTo("the file is empty: no header row");
        assertThat(filesIn(loader.done)).isEmpty();
    }

    @Test
    void a_file_without_a_phone_column_names_the_columns_it_saw_and_the_names_accepted() throws Exception {
        String content = "name,email\nJane,jane@example.com\n";
        loader.drop("bc_1/no-phone.csv", content);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(Files.readString(loader.error.resolve("no-phone.csv"))).isEqualTo(content);
        JsonNode error = loader.errorReport("no-phone");
        assertThat(error.path("file").asText()).isEqualTo("bc_1/no-phone.csv");
        assertThat(error.path("error").asText())
                .startsWith("no phone column: the header has [name, email]")
                .contains("phone_number", "mobile", "cell");
        assertThat(error.path("rows_read").asLong()).isZero();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_first_row_of_data_is_said_to_look_like_data_with_its_numbers_masked() throws Exception {
        loader.drop("bc_1/numbers.csv", "+15550000000,Jane,jane.doe@example.com\n+15550000001,John,john@example.com\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("numbers").path("error").asText())
                .startsWith("no phone column: the first row, [+1555***0000, Jane, j***@example.com], looks like data, not a header")
                .doesNotContain("5550000000", "jane.doe");
    }

    @Test
    void a_symbolic_link_goes_to_error_as_a_link_and_what_it_points_at_is_never_read() throws Exception {
        Path secret = Files.writeString(loader.inbox.getParent().resolve("secret.txt"), "root:x:0:0:root\n+12125550199\n");
        Files.createDirectories(loader.inbox.resolve("bc_1"));
        Files.createSymbolicLink(loader.inbox.resolve("bc_1/passwd.csv"), secret);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(filesIn(loader.error)).containsExactly("passwd.csv", "passwd.error.json");
        assertThat(loader.error.resolve("passwd.csv")).isSymbolicLink();
        assertThat(loader.errorReport("passwd").path("error").asText())
                .isEqualTo("a symbolic link: the loader reads only regular files, and does not follow links");
        assertThat(loader.errorReport("passwd").toString()).doesNotContain("root:x", "2125550199");
        assertThat(secret).hasContent("root:x:0:0:root\n+12125550199\n");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_linked_sub_folder_is_not_looked_into() throws Exception {
        Path elsewhere = Files.createDirectories(loader.inbox.getParent().resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("list.csv"), "phone\n+12127361001\n");
        Files.createDirectories(loader.inbox);
        Files.createSymbolicLink(loader.inbox.resolve("bc_1"), elsewhere);

        assertThat(loader.runOnce()).isZero();

        assertThat(elsewhere.resolve("list.csv")).as("neither read nor moved").exists();
        assertThat(filesIn(loader.error)).isEmpty();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_binary_file_is_refused_as_not_text() throws Exception {
        loader.dropBytes("bc_1/export.csv", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, 0, 0});

        loader.runOnce();

        assertThat(filesIn(loader.error)).containsExactly("export.csv", "export.error.json");
        assertThat(loader.errorReport("export").path("error").asText()).startsWith("not a text file");
    }

    @Test
    void an_unreadable_file_does_not_stop_the_files_after_it() throws Exception {
        loader.drop("bc_1/a-broken.csv", "");
        loader.drop("bc_1/b-good.csv", "phone\n+12127361000\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(filesIn(loader.error)).containsExactly("a-broken.csv", "a-broken.error.json");
        assertThat(filesIn(loader.done)).containsExactly("b-good.csv", "b-good.report.json");
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000");
    }
}
