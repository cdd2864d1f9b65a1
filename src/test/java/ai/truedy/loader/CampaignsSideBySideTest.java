package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several campaigns at once: files are read side by side, and the request budget is shared by
 * taking turns between batch calls, so one campaign's big list does not hold up another's.
 */
class CampaignsSideBySideTest extends LoaderTest {

    static final int LARGE_ROWS = 120;

    @Test
    void a_small_list_for_another_batch_call_is_sent_before_a_large_one_ends_and_reported_first() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("truedy.batch-size", "1").with("truedy.rate-limit.requests-per-minute", "1200");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_large/large.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, LARGE_ROWS));
            await().atMost(Duration.ofSeconds(20)).until(() -> TruedyApi.requests(api).size() >= 10);
            loader.drop("bc_small/small.csv", LoaderFixture.phoneColumn("+1646", 5_551_000, 3));

            loader.awaitReport("small");
            assertThat(filesIn(loader.done)).as("the large list is still being sent when the small one is done")
                    .doesNotContain("large.report.json");
            loader.awaitReport("large");
        }

        List<String> batchCalls = TruedyApi.requests(api).stream().map(CampaignsSideBySideTest::batchCall).toList();
        assertThat(batchCalls).hasSize(LARGE_ROWS + 3);
        assertThat(batchCalls.lastIndexOf("bc_small")).as("the small list's last request")
                .isLessThan(batchCalls.lastIndexOf("bc_large"));
        assertThat(loader.report("small").path("accepted").asInt()).isEqualTo(3);
        assertThat(loader.report("large").path("accepted").asInt()).isEqualTo(LARGE_ROWS);
        assertThat(filesIn(loader.done)).containsExactly("large.csv", "large.report.json", "small.csv",
                "small.report.json");
        assertThat(Files.getLastModifiedTime(loader.done.resolve("small.report.json")))
                .isLessThan(Files.getLastModifiedTime(loader.done.resolve("large.report.json")));
    }

    @Test
    void a_folders_loader_properties_sets_its_priority_and_columns_and_its_batch_call_gets_more_turns() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("truedy.batch-size", "1").with("truedy.rate-limit.requests-per-minute", "1200");
        loader.drop("bc_urgent/.loader.properties", "# this campaign goes first\nloader.priority = 3\n"
                + "loader.columns.phone = Rückruf\n");
        loader.drop("bc_urgent/urgent.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 40).replace("phone", "Rückruf"));
        loader.drop("bc_normal/normal.csv", LoaderFixture.phoneColumn("+1646", 5_551_000, 40));

        assertThat(loader.runOnce()).isZero();

        List<String> first20 = TruedyApi.requests(api).stream().limit(20).map(CampaignsSideBySideTest::batchCall).toList();
        assertThat(first20.stream().filter("bc_urgent"::equals).count()).as("three turns in four: %s", first20)
                .isBetween(13L, 17L);
        assertThat(loader.report("urgent").path("accepted").asInt()).isEqualTo(40);
        assertThat(loader.report("normal").path("accepted").asInt()).isEqualTo(40);
        assertThat(filesIn(loader.inbox)).containsExactly("bc_urgent/.loader.properties");
    }

    @Test
    void a_bad_priority_in_a_folder_refuses_its_files_and_says_why() throws Exception {
        loader.drop("bc_1/.loader.properties", "loader.priority = high\n");
        loader.drop("bc_1/list.csv", "phone\n+12127361001\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("list").path("error").asText()).isEqualTo("the inbox's bc_1/.loader.properties sets"
                + " loader.priority = 'high'; it must be a whole number from 1 to 100 (turns for each turn of a batch call"
                + " with priority 1)");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_file_whose_copy_stalls_holds_up_no_other_file() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("loader.settle-time", "60s");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            Path stalled = loader.drop("bc_slow/stalled.csv", "phone\n+12127361001\n");
            Files.setLastModifiedTime(stalled, FileTime.from(Instant.now().minusSeconds(5))); // read, not yet settled
            await().atMost(Duration.ofSeconds(20)).until(() -> !filesIn(root.resolve("state/files")).isEmpty());
            loader.drop("bc_fast/list.csv", "phone\n+16465551001\n");

            loader.awaitReport("list");
            await("the other file archived, the stalled copy still waited for").atMost(Duration.ofSeconds(10))
                    .until(() -> filesIn(loader.inbox), files -> files.equals(List.of("bc_slow/stalled.csv")));
        }
        assertThat(TruedyApi.sentPhones(api)).as("the stalled copy's rows wait for its end").containsExactly("+16465551001");
        assertThat(filesIn(loader.inbox)).as("left to be resumed").containsExactly("bc_slow/stalled.csv");
    }

    static String batchCall(LoggedRequest request) {
        String[] path = request.getUrl().split("/");
        return path[path.length - 2];
    }
}
