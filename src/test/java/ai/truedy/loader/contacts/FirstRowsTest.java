package ai.truedy.loader.contacts;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The duplicate check's table: the first row of each number per batch call, whatever its size. */
class FirstRowsTest {

    @TempDir
    Path scratch;

    @Test
    void knows_every_first_row_after_it_was_sized_for_the_file_in_the_middle_of_it() {
        try (FirstRows rows = new FirstRows(scratch)) {
            for (int row = 1; row <= 5_000; row++) {
                assertThat(rows.putIfAbsent("bc_1", number(row), row)).isZero();
            }
            rows.expect(200_000);
            for (int row = 5_001; row <= 60_000; row++) {
                assertThat(rows.putIfAbsent("bc_1", number(row), row)).isZero();
            }

            for (int row = 1; row <= 60_000; row += 997) {
                assertThat(rows.putIfAbsent("bc_1", number(row), 70_000 + row)).as("row %d again", row).isEqualTo(row);
            }
            assertThat(rows.putIfAbsent("bc_2", number(1), 1)).as("another batch call's").isZero();
        }
    }

    @Test
    void an_expectation_smaller_than_the_table_or_of_nothing_changes_nothing() {
        try (FirstRows rows = new FirstRows(scratch)) {
            for (int row = 1; row <= 50_000; row++) {
                rows.putIfAbsent("bc_1", number(row), row);
            }
            rows.expect(10);
            rows.expect(0);

            assertThat(rows.putIfAbsent("bc_1", number(49_999), 1)).isEqualTo(49_999);
        }
    }

    @Test
    void on_the_heap_an_expectation_is_ignored() {
        try (FirstRows rows = new FirstRows(null)) {
            rows.expect(1_000_000);

            assertThat(rows.putIfAbsent("bc_1", number(1), 1)).isZero();
            assertThat(rows.putIfAbsent("bc_1", number(1), 2)).isEqualTo(1);
        }
    }

    private static String number(int row) {
        return "+1212" + String.format("%07d", row);
    }
}
