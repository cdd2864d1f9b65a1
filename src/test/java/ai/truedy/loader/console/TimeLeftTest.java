package ai.truedy.loader.console;

import java.util.List;

import ai.truedy.loader.reporting.FilesInFlight.Progress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Time left as the fair turns share the budget: 120 requests a minute, batches of 5 rows. */
class TimeLeftTest {

    static final TimeLeft AT_120 = new TimeLeft(120, 5);
    static final double PER_REQUEST = 60.0 / 120 * 1.01; // as the budget paces requests

    static Progress file(String name, String batchCall, int priority, long rowsRead, long settled, double fractionRead) {
        return new Progress(name, "2026-12-07T10:00:00Z", rowsRead, settled, 0, 0, fractionRead, batchCall, priority);
    }

    @Test
    void one_file_alone_has_the_whole_budget() {
        TimeLeft.Answer answer = AT_120.of(List.of(file("a.csv", "bc_a", 1, 200, 0, 1.0)));
        assertThat(answer.files().get("a.csv").seconds()).isEqualTo(Math.round(40 * PER_REQUEST));
        assertThat(answer.files().get("a.csv").low()).as("the whole file is read: a firm figure").isNull();
    }

    @Test
    void two_campaigns_share_the_budget_and_the_longer_one_speeds_up_once_the_other_is_done() {
        TimeLeft.Answer answer = AT_120.of(List.of(file("big.csv", "bc_a", 1, 200, 0, 1.0),
                file("small.csv", "bc_b", 1, 80, 0, 1.0)));
        // 16 requests each at half the budget, then the big file's last 24 alone
        assertThat(answer.files().get("small.csv").seconds()).isEqualTo(Math.round(32 * PER_REQUEST));
        assertThat(answer.files().get("big.csv").seconds()).isEqualTo(Math.round(56 * PER_REQUEST));
        assertThat(answer.batchCalls()).extracting(TimeLeft.BatchCall::batchCall, TimeLeft.BatchCall::rowsToGo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bc_a", 200L), org.assertj.core.groups.Tuple.tuple("bc_b", 80L));
    }

    @Test
    void a_higher_priority_takes_more_turns() {
        TimeLeft.Answer answer = AT_120.of(List.of(file("urgent.csv", "bc_u", 3, 60, 0, 1.0),
                file("later.csv", "bc_l", 1, 60, 0, 1.0)));
        // 12 requests each: the urgent one gets 3 of every 4 turns, so it is done after 16 requests
        assertThat(answer.files().get("urgent.csv").seconds()).isEqualTo(Math.round(16 * PER_REQUEST));
        assertThat(answer.files().get("later.csv").seconds()).isEqualTo(Math.round(24 * PER_REQUEST));
    }

    @Test
    void a_batch_calls_files_go_one_after_the_other() {
        TimeLeft.Answer answer = AT_120.of(List.of(file("first.csv", "bc_a", 1, 50, 0, 1.0),
                file("second.csv", "bc_a", 1, 50, 0, 1.0)));
        assertThat(answer.files().get("first.csv").seconds()).isEqualTo(Math.round(10 * PER_REQUEST));
        assertThat(answer.files().get("second.csv").seconds()).isEqualTo(Math.round(20 * PER_REQUEST));
        assertThat(answer.batchCalls().get(0).seconds()).isEqualTo(Math.round(20 * PER_REQUEST));
    }

    @Test
    void rows_to_go_follow_how_much_of_the_file_is_read_with_a_range_until_all_of_it_is() {
        TimeLeft.Estimate estimate = AT_120.of(List.of(file("a.csv", "bc_a", 1, 50, 10, 0.25))).files().get("a.csv");
        assertThat(estimate.rowsExpected()).isEqualTo(200);
        assertThat(estimate.rowsToGo()).isEqualTo(190);
        assertThat((double) estimate.seconds()).isCloseTo(38 * PER_REQUEST, within(1.0));
        assertThat(estimate.low()).isLessThan(estimate.seconds());
        assertThat(estimate.high()).isGreaterThan(estimate.seconds());
    }

    @Test
    void says_nothing_before_it_can_tell() {
        TimeLeft.Estimate estimate = AT_120.of(List.of(file("a.csv", "bc_a", 1, 0, 0, 0.0))).files().get("a.csv");
        assertThat(estimate.seconds()).isNull();
    }
}
