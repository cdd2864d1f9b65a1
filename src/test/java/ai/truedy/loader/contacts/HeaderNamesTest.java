package ai.truedy.loader.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.truedy.loader.contacts.HeaderNames.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The header table: how names are matched, and docs/files.md lists every one of them. */
class HeaderNamesTest {

    @Test
    void names_match_whatever_their_case_accents_spaces_and_punctuation() {
        assertThat(HeaderNames.fieldOf("E-mail 1 - Value")).contains(Field.EMAIL);
        assertThat(HeaderNames.fieldOf("Téléphone portable")).contains(Field.MOBILE);
        assertThat(HeaderNames.fieldOf("TELEFONO MÓVIL")).contains(Field.MOBILE);
        assertThat(HeaderNames.fieldOf("\uFEFF\"Phone #\"")).contains(Field.PHONE);
        assertThat(HeaderNames.fieldOf("Person - Name")).contains(Field.FULL_NAME);
        assertThat(HeaderNames.fieldOf("Phone 1 - Value")).contains(Field.PRIMARY_PHONE);
    }

    @Test
    void a_fax_pager_or_phone_type_column_is_never_a_phone() {
        assertThat(HeaderNames.fieldOf("Business Fax")).isEmpty();
        assertThat(HeaderNames.fieldOf("Pager")).isEmpty();
        assertThat(HeaderNames.fieldOf("Phone 1 - Type")).isEmpty();
        assertThat(HeaderNames.fieldOf("Phone 1 - Label")).isEmpty();
    }

    @Test
    void the_file_guide_lists_every_name_of_the_table() throws IOException {
        String guide = Files.readString(Path.of("docs/files.md"), StandardCharsets.UTF_8);
        String table = guide.substring(guide.indexOf("<!-- the names of src/main/resources/columns/header-names.txt"));
        table = table.substring(0, table.indexOf("\n\n"));

        for (String name : tableNames()) {
            assertThat(table).as("docs/files.md lists " + name).contains("`" + name + "`");
        }
    }

    private static List<String> tableNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = HeaderNames.class.getResourceAsStream(HeaderNames.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String values = Character.isWhitespace(line.charAt(0)) ? line : line.substring(line.indexOf(':') + 1);
                for (String name : values.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }
}
