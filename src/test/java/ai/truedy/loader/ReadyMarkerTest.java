package ai.truedy.loader;

import java.nio.file.Files;
import java.time.Duration;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With loader.ready-marker set, a file is read only once its marker exists, and the marker goes with the file. */
class ReadyMarkerTest extends LoaderTest {

    @Test
    void a_file_waits_for_its_marker_and_the_marker_is_removed_with_it() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("loader.ready-marker", "${file:name}.ready");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/waiting.csv", "phone\n+12127361000\n");
            loader.drop("bc_1/ready.csv", "phone\n+12127361001\n");
            loader.drop("bc_1/ready.csv.ready", "");
            loader.awaitReport("ready");

            await("the ready file and its marker archived").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(filesIn(loader.inbox)).containsExactly("bc_1/waiting.csv"));
            assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");

            loader.drop("bc_1/waiting.csv.ready", "");
            loader.awaitReport("waiting");
        }

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001", "+12127361000");
        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(filesIn(loader.done)).containsExactly("ready.csv", "ready.report.json", "waiting.csv",
                "waiting.report.json");
    }

    @Test
    void retry_files_moved_back_into_the_inbox_get_their_marker() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("loader.ready-marker", "${file:name.noext}.done").with("loader.retry.delay", "0s");
        Files.createDirectories(loader.retry);
        Files.writeString(loader.retry.resolve("list.retry-1.csv"), "phone,batch_call_id\n+12127361000,bc_1\n");
        Files.setLastModifiedTime(loader.retry.resolve("list.retry-1.csv"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000");
        assertThat(filesIn(loader.inbox)).isEmpty();
        assertThat(filesIn(loader.done)).containsExactly("list.retry-1.csv", "list.retry-1.report.json");
    }
}
