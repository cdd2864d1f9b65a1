package ai.truedy.loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration reference's table (docs/configuration.md) lists every property of application.properties, in order, with its default. */
class ConfigurationReferenceTest {

    record Setting(String name, String defaultValue) {
    }

    @Test
    void the_reference_table_and_application_properties_name_the_same_settings_with_the_same_defaults() throws IOException {
        assertThat(referenceTable()).isNotEmpty().containsExactlyElementsOf(applicationProperties());
    }

    @Test
    void every_property_has_a_one_line_comment() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("application.properties"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(i > 0 && lines.get(i - 1).startsWith("# ")).as("a comment above " + line).isTrue();
            }
        }
    }

    private static List<Setting> applicationProperties() throws IOException {
        List<Setting> settings = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                settings.add(new Setting(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
            }
        }
        return settings;
    }

    private static List<Setting> referenceTable() throws IOException {
        String reference = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);
        int start = reference.indexOf("<!-- every property of application.properties");
        assertThat(start).as("the configuration table's marker in docs/configuration.md").isNotNegative();
        List<Setting> settings = new ArrayList<>();
        for (String row : reference.substring(start).split("\n")) {
            if (row.isBlank() && !settings.isEmpty()) {
                break;
            }
            if (row.startsWith("| `")) {
                String[] cells = row.split(" \\| ");
                String name = cells[0].substring(3, cells[0].length() - 1);
                String value = cells[1].equals("(empty)") ? "" : cells[1].substring(1, cells[1].length() - 1).replace("\\|", "|");
                settings.add(new Setting(name, value));
            }
        }
        return settings;
    }
}
