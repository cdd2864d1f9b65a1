package ai.truedy.loader.state;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers each batch call has: which load sent a number, within which time, leaving out a file read again. */
class SentNumbersTest {

    static final Instant DAY_1 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant DAY_2 = Instant.parse("2026-12-02T10:00:00Z");

    final SentNumbers numbers = new SentNumbers();

    @Test
    void a_number_is_known_for_its_batch_call_only_and_by_a_load_that_sent_it() {
        add("campA", "day-1", DAY_1, 12127361001L, 12127361002L);
        add("campA", "day-2", DAY_2, 12127361002L, 12127361003L);

        assertThat(numbers.find("campA", 12127361001L, "", Instant.EPOCH).stem()).isEqualTo("day-1");
        assertThat(numbers.find("campA", 12127361003L, "", Instant.EPOCH).stem()).isEqualTo("day-2");
        assertThat(numbers.find("campA", 12127361002L, "", Instant.EPOCH).stem()).as("sent twice (--resend)")
                .isIn("day-1", "day-2");
        assertThat(numbers.find("campA", 12127361002L, "", DAY_2).stem()).as("within the window").isEqualTo("day-2");
        assertThat(numbers.find("campB", 12127361002L, "", Instant.EPOCH)).isNull();
        assertThat(numbers.find("campA", 12127369999L, "", Instant.EPOCH)).isNull();
        assertThat(numbers.size()).isEqualTo(4);
    }

    @Test
    void loads_older_than_the_window_do_not_count_and_are_dropped_when_asked() {
        add("campA", "day-1", DAY_1, 12127361001L);
        add("campA", "day-2", DAY_2, 12127361002L);

        assertThat(numbers.find("campA", 12127361001L, "", DAY_2)).isNull();
        assertThat(numbers.dropFinishedBefore(DAY_2)).extracting(SentNumbers.Generation::stem).containsExactly("day-1");
        assertThat(numbers.find("campA", 12127361001L, "", Instant.EPOCH)).isNull();
        assertThat(numbers.stemsOf("campA")).containsExactly("day-2");
    }

    @Test
    void a_file_read_again_does_not_find_its_own_numbers_and_replaces_them_when_done() {
        add("campA", "list", DAY_1, 12127361001L);

        assertThat(numbers.find("campA", 12127361001L, "list", Instant.EPOCH)).as("the same load").isNull();
        add("campA", "list", DAY_2, 12127361002L);
        assertThat(numbers.find("campA", 12127361001L, "", Instant.EPOCH)).as("replaced").isNull();
        assertThat(numbers.find("campA", 12127361002L, "", Instant.EPOCH).finishedAt()).isEqualTo(DAY_2);
    }

    @Test
    void fifteen_digit_numbers_and_many_loads_keep_their_order() {
        for (int load = 0; load < 100; load++) {
            add("campA", "load-" + load, DAY_1.plusSeconds(load), 999_999_999_999_000L + load, 10_000_000L + load);
        }

        assertThat(numbers.find("campA", 999_999_999_999_042L, "", Instant.EPOCH).stem()).isEqualTo("load-42");
        assertThat(numbers.find("campA", 10_000_099L, "", Instant.EPOCH).stem()).isEqualTo("load-99");
        assertThat(numbers.find("campA", 999_999_999_999_100L, "", Instant.EPOCH)).isNull();
    }

    @Test
    void digits_are_the_e164_number_without_its_plus() {
        assertThat(SentNumbers.digits("+442079460958")).isEqualTo(442079460958L);
    }

    @Test
    void numbers_are_kept_as_their_differences_and_read_back_the_same() throws Exception {
        long[] sorted = {12127361001L, 12127361002L, 12127369999L, 442079460958L};

        byte[] bytes = NumberDeltas.encode(sorted);

        assertThat(NumberDeltas.decode(new java.io.ByteArrayInputStream(bytes), sorted.length)).containsExactly(sorted);
        assertThat(bytes.length).as("a few bytes a number").isLessThan(8 * sorted.length);
    }

    private void add(String batchCall, String stem, Instant finishedAt, long... digits) {
        long[] sorted = java.util.Arrays.stream(digits).sorted().toArray();
        assertThat(numbers.add(new SentNumbers.Generation(batchCall, stem, batchCall + "/" + stem + ".csv", finishedAt,
                sorted.length), sorted)).isTrue();
    }
}
