package ai.truedy.loader;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --once ends the run when the inbox is drained and every file in it is finished, not before. */
class OnceModeTest extends LoaderTest {

    @Test
    void a_file_still_sending_when_the_inbox_is_polled_again_is_finished_before_the_run_ends() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0).withFixedDelay(300)));
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 8; i++) {
            csv.append("+1212736%04d\n".formatted(i));
        }
        // the inbox is polled every 100 ms and shutdown waits 1 s at most, while the file takes over 2 s
        loader.with("truedy.batch-size", "1").with("truedy.concurrency", "1")
                .with("camel.main.shutdown-timeout", "1").drop("bc_1/slow.csv", csv.toString());

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).hasSize(8);
        assertThat(loader.report("slow").path("accepted").asInt()).isEqualTo(8);
    }
}
