package ai.truedy.loader.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNameTest {

    @Test
    void splits_a_name_at_its_last_dot() {
        assertThat(FileName.of("list.retry-2.csv")).isEqualTo(new FileName("list.retry-2", "csv"));
        assertThat(FileName.of("Contacts.XLSX").extension()).isEqualTo("XLSX");
    }

    @Test
    void a_name_without_a_dot_or_with_only_a_leading_one_has_no_extension() {
        assertThat(FileName.of("list")).isEqualTo(new FileName("list", ""));
        assertThat(FileName.of(".csv")).isEqualTo(new FileName(".csv", ""));
    }

    @Test
    void puts_a_base_and_an_extension_back_together() {
        assertThat(new FileName("list-2", "csv").name()).isEqualTo("list-2.csv");
        assertThat(new FileName("list-2", "").name()).isEqualTo("list-2");
    }
}
