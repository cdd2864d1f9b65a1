package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Numbers on the do-not-call lists in loader.dnc.dir are never sent: rejected as do_not_call, naming the list. */
class DoNotCallTest extends LoaderTest {

    static final String LIST = "phone,first_name\n+12127361001,Ann\n(212) 736-1002,Bob\n+44 20 7946 0958,Cat\n";

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    private Path lists;

    @BeforeEach
    void acceptEverythingWithListsAt() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        lists = Files.createDirectories(root.resolve("dnc"));
        loader.with("loader.dnc.dir", lists.toString());
    }

    @Test
    void rejects_numbers_on_a_plain_or_csv_list_whatever_their_format_and_names_the_list() throws Exception {
        Files.writeString(lists.resolve("national-registry.txt"), "2127361002\n+1 212 555 0000\n");
        Files.writeString(lists.resolve("opt-outs.csv"), "Name;Phone Number\nCat;+442079460958\n");
        loader.drop("bc_1/list.csv", LIST);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");
        JsonNode report = loader.report("list");
        assertThat(report.path("accepted").asInt()).isEqualTo(1);
        assertThat(report.path("reasons").path("do_not_call").asInt()).isEqualTo(2);
        assertThat(loader.rejectedRows("list")).extracting(row -> row.get("first_name") + " " + row.get("reason")
                        + " " + row.get("detail"))
                .containsExactly("Bob do_not_call the number is on the do-not-call list national-registry.txt",
                        "Cat do_not_call the number is on the do-not-call list opt-outs.csv");
    }

    @Test
    void a_list_added_while_the_loader_runs_counts_for_the_next_file() throws Exception {
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.drop("bc_1/before.csv", "phone\n+12127361001\n");
            loader.awaitReport("before");
            Files.writeString(lists.resolve("opt-outs.txt"), "+12127361001\n");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> log.text().contains("Do-not-call list opt-outs.txt: 1 numbers loaded"));
            loader.drop("bc_1/after.csv", "phone,first_name\n+12127361001,Ann\n"); // other bytes: not a duplicate
            loader.awaitReport("after");
        }

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");
        assertThat(loader.report("after").path("reasons").path("do_not_call").asInt()).isEqualTo(1);
    }

    @Test
    void a_list_older_than_its_max_age_holds_all_sending_and_the_rows_wait_in_retry() throws Exception {
        Path registry = Files.writeString(lists.resolve("national-registry.txt"), "+12125550000\n");
        Files.setLastModifiedTime(registry, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        loader.with("loader.dnc.max-age", "31d").drop("bc_1/list.csv", "phone\n+12127361001\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.requests(api)).as("nothing sent").isEmpty();
        assertThat(filesIn(loader.retry)).containsExactly("list.retry-1.csv");
        assertThat(loader.report("list").path("pending_retry").asInt()).isEqualTo(1);
        assertThat(loader.report("list").path("batches").get(0).path("detail").asText())
                .contains("the do-not-call list national-registry.txt is older than loader.dnc.max-age");
    }
}
