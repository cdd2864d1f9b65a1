package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The files of one inbox folder (one batch call) are loaded one after the other, oldest first
 * ({@code loader.arrival-order}), and the next starts as soon as the previous one is reported: it
 * does not wait for the next look at the inbox ({@code loader.poll-delay}), however long a file takes.
 */
class ArrivalOrderTest extends LoaderTest {

    /** Longer than the shipped poll delay, so that a file is still being sent when the inbox is next listed. */
    static final int ANSWER_MILLIS = 1_500;
    static final Duration NEXT_FILE_WITHIN = Duration.ofMillis(200);

    @Test
    void a_folders_next_file_starts_within_200_ms_of_the_previous_files_report_in_arrival_order() throws Exception {
        List<String> arrival = List.of("c-first", "a-second", "d-third", "b-fourth"); // not the names' order
        dropInArrivalOrder("bc_1/", arrival);

        List<JsonNode> reports = loadAsAService(arrival);

        assertOneAfterTheOtherPromptly(reports, arrival);
    }

    @Test
    void files_at_the_top_of_the_inbox_such_as_re_driven_retry_files_follow_each_other_just_as_promptly() throws Exception {
        loader.with("truedy.batch-call-id", "bc_top");
        List<String> arrival = List.of("list.retry-1", "other.retry-1", "list.retry-2");
        dropInArrivalOrder("", arrival);

        List<JsonNode> reports = loadAsAService(arrival);

        assertOneAfterTheOtherPromptly(reports, arrival);
    }

    @Test
    void a_file_waiting_for_a_place_starts_within_200_ms_of_the_report_that_frees_one() throws Exception {
        loader.with("loader.parallel-files", "1");
        List<String> arrival = List.of("bc_2/second-call", "bc_1/first-call", "bc_3/third-call");
        dropInArrivalOrder("", arrival);

        List<JsonNode> reports = loadAsAService(arrival.stream().map(path -> path.replaceAll("^.*/", "")).toList());

        assertOneAfterTheOtherPromptly(reports, List.of("second-call", "first-call", "third-call"));
    }

    @Test
    void a_run_with_once_waits_for_a_busy_folders_next_files_and_loads_them_in_arrival_order() throws Exception {
        List<String> arrival = List.of("c-first", "a-second", "b-third");
        dropInArrivalOrder("bc_1/", arrival);
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0).withFixedDelay(ANSWER_MILLIS)));
        loader.with("loader.poll-delay", shippedPollDelay());

        assertThat(loader.runOnce()).isZero();

        assertOneAfterTheOtherPromptly(reportsInTheOrderStarted(arrival), arrival);
    }

    /** Each file one row; the first arrived three minutes ago, each next one a minute later. */
    private void dropInArrivalOrder(String folder, List<String> stems) throws Exception {
        Instant first = Instant.now().minus(Duration.ofMinutes(stems.size() + 1L));
        for (int i = 0; i < stems.size(); i++) {
            var file = loader.drop(folder + stems.get(i) + ".csv", LoaderFixture.phoneColumn("+1212", 7_361_000 + i, 1));
            Files.setLastModifiedTime(file, FileTime.from(first.plus(Duration.ofMinutes(i))));
        }
    }

    private List<JsonNode> loadAsAService(List<String> stems) throws Exception {
        loader.with("loader.poll-delay", shippedPollDelay()); // the fixture's 100ms would hide a wait for the next poll
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0).withFixedDelay(ANSWER_MILLIS)));
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stems.stream()
                    .allMatch(stem -> Files.exists(loader.done.resolve(stem + ".report.json"))));
        }
        return reportsInTheOrderStarted(stems);
    }

    private List<JsonNode> reportsInTheOrderStarted(List<String> stems) throws Exception {
        List<JsonNode> reports = new ArrayList<>();
        for (String stem : stems) {
            reports.add(loader.report(stem));
        }
        reports.sort(Comparator.comparing(report -> Instant.parse(report.path("started_at").asText())));
        return reports;
    }

    private static String shippedPollDelay() throws Exception {
        Properties shipped = new Properties();
        try (var in = Files.newBufferedReader(Path.of("application.properties"))) {
            shipped.load(in);
        }
        assertThat(Duration.parse("PT" + shipped.getProperty("loader.poll-delay").trim().toUpperCase(Locale.ROOT)))
                .as("a poll delay shorter than a file's answer").isLessThan(Duration.ofMillis(ANSWER_MILLIS));
        return shipped.getProperty("loader.poll-delay").trim();
    }

    private void assertOneAfterTheOtherPromptly(List<JsonNode> reports, List<String> arrival) {
        assertThat(reports).extracting(report -> report.path("file").asText().replaceAll("^.*/", "").replace(".csv", ""))
                .as("the files in the order they started").containsExactlyElementsOf(arrival);
        assertThat(reports).allSatisfy(report -> assertThat(report.path("accepted").asInt()).isEqualTo(1));
        for (int i = 1; i < reports.size(); i++) {
            Instant previousReported = Instant.parse(reports.get(i - 1).path("finished_at").asText());
            Instant nextStarted = Instant.parse(reports.get(i).path("started_at").asText());
            assertThat(Duration.between(previousReported, nextStarted))
                    .as("from %s's report to the start of %s", reports.get(i - 1).path("file").asText(),
                            reports.get(i).path("file").asText())
                    .isBetween(Duration.ZERO, NEXT_FILE_WITHIN);
        }
        assertThat(TruedyApi.requests(api)).hasSize(arrival.size());
    }
}
