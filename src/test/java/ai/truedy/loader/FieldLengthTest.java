package ai.truedy.loader;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A name or email over 1,000 characters is never sent, and a row of megabytes is skipped without being held. */
class FieldLengthTest extends LoaderTest {

    @Test
    void rejects_rows_whose_name_or_email_is_longer_than_1000_characters_and_names_the_column() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.drop("bc_1/list.csv", "first_name,phone,email\n"
                + "x".repeat(1000) + ",+12127361000,a@example.com\n"
                + "y".repeat(1001) + ",+12127361001,b@example.com\n"
                + "Ann,+12127361002," + "e".repeat(2000) + "@example.com\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        List<Map<String, String>> rejected = loader.rejectedRows("list");
        assertThat(rejected).extracting(row -> row.get("row") + " " + row.get("reason")).containsExactly(
                "2 field_too_long", "3 field_too_long");
        assertThat(rejected.get(0).get("detail")).contains("first_name column (column 1)", "1001 characters");
        assertThat(rejected.get(1).get("detail")).contains("email column (column 3)");
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000");
        assertThat(loader.report("list").path("reasons").path("field_too_long").asInt()).isEqualTo(2);
    }

    @Test
    void a_quoted_field_of_megabytes_is_rejected_and_the_rows_around_it_are_read() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        Path file = loader.inbox.resolve("bc_1/huge.csv");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("phone,first_name,notes\n+12127361000,Ann,short\n+12127361001,Bob,\"");
            String chunk = "a, \"\"quoted\"\"\nline ".repeat(1000);
            for (int written = 0; written < 5_000_000; written += chunk.length()) {
                out.write(chunk);
            }
            out.write("\"\n+12127361002,Cy,short\n");
        }
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+12127361002");
        List<Map<String, String>> rejected = loader.rejectedRows("huge");
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row.get("row")).isEqualTo("2");
            assertThat(row.get("reason")).isEqualTo("field_too_long");
            assertThat(row.get("detail")).contains("longer than", "column 3 (notes)");
        });
        assertThat(Files.size(loader.error.resolve("huge.rejected.csv"))).as("the huge cell is not copied").isLessThan(10_000);
        assertThat(loader.report("huge").path("rows").asInt()).isEqualTo(3);
    }
}
