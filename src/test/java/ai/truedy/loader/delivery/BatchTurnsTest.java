package ai.truedy.loader.delivery;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule by which waiting batches take their turns: round robin over batch calls, weighted, in file order. */
class BatchTurnsTest {

    final BatchTurns<String> turns = new BatchTurns<>();

    @Test
    void batch_calls_take_turns_whatever_the_order_their_batches_were_read_in() {
        add("big", 1, 1, 6);
        add("small", 2, 1, 2);

        assertThat(taken(8)).containsExactly("big-1", "small-1", "big-2", "small-2", "big-3", "big-4", "big-5", "big-6");
    }

    @Test
    void a_batch_call_alone_gets_every_turn() {
        add("only", 1, 1, 3);

        assertThat(taken(4)).containsExactly("only-1", "only-2", "only-3", null);
    }

    @Test
    void a_batch_call_with_priority_3_gets_three_turns_for_each_turn_of_one_with_priority_1() {
        add("urgent", 1, 3, 9);
        add("normal", 2, 1, 9);

        List<String> first12 = taken(12);

        assertThat(first12.stream().filter(item -> item.startsWith("urgent"))).hasSize(9);
        assertThat(first12.stream().filter(item -> item.startsWith("normal"))).hasSize(3);
    }

    @Test
    void turns_go_round_batch_calls_not_files() {
        add("a", 1, 1, 4); // two files for batch call a ...
        addAs("a2", "a", 2, 1, 4);
        add("b", 3, 1, 4); // ... and one for b

        List<String> first6 = taken(6);

        assertThat(first6.stream().filter(item -> item.startsWith("b"))).hasSize(3);
        assertThat(first6).as("within a batch call, the file that arrived first goes first")
                .containsSubsequence("a-1", "a-2", "a-3").doesNotContain("a2-1");
    }

    @Test
    void a_batch_call_that_starts_waiting_goes_next_without_credit_for_its_idle_time() {
        add("big", 1, 1, 10);
        taken(5);
        add("small", 2, 1, 3);

        assertThat(taken(6)).containsExactly("small-1", "big-6", "small-2", "big-7", "small-3", "big-8");
    }

    @Test
    void a_file_with_rows_for_several_batch_calls_hands_out_its_batches_in_its_own_order() {
        turns.add("mixed-1:x", "x", 1, 1);
        turns.add("mixed-2:y", "y", 1, 1);
        turns.add("mixed-3:x", "x", 1, 1);
        add("other", 2, 1, 3);

        List<String> order = taken(6);

        assertThat(order).containsSubsequence("mixed-1:x", "mixed-2:y", "mixed-3:x");
        assertThat(order).containsSubsequence("other-1", "other-2", "other-3");
    }

    @Test
    void counts_what_waits_per_batch_call_and_can_take_one_out_of_turn() {
        add("a", 1, 1, 2);
        add("b", 2, 1, 1);

        assertThat(turns.waiting()).containsEntry("a", 2).containsEntry("b", 1);
        assertThat(turns.remove("a-2")).isTrue();
        assertThat(turns.remove("a-2")).isFalse();
        assertThat(turns.waiting()).containsEntry("a", 1).containsEntry("b", 1);
        assertThat(turns.size()).isEqualTo(2);
    }

    private void add(String batchCall, long arrival, int priority, int batches) {
        addAs(batchCall, batchCall, arrival, priority, batches);
    }

    private void addAs(String file, String batchCall, long arrival, int priority, int batches) {
        for (int n = 1; n <= batches; n++) {
            turns.add(file + "-" + n, batchCall, arrival, priority);
        }
    }

    private List<String> taken(int count) {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(turns.next());
        }
        return taken;
    }
}
