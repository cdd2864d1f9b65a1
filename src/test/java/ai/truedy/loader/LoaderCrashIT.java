package ai.truedy.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar stopped in the middle of a 50,000-row file (or of four files loaded side by side)
 * against a slow server, then started again. After SIGKILL every row ends up accounted for once, every contact reaches the server, and
 * only the batches in flight at the kill are sent twice (and a file routed by time zone sends each
 * contact to its zone's batch call only); after SIGTERM nothing is sent twice.
 */
class LoaderCrashIT {

    static final int ROWS = 50_000;
    static final int BATCH_SIZE = 100;
    static final int CONCURRENCY = 2;
    static final int FOUR_FILE_ROWS = 5_000;
    static final int ROUTED_ROWS = 8_000;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @Test
    void a_file_interrupted_by_kill_9_is_resumed_without_losing_or_resending_settled_batches() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("kill-9");
        LoaderFixture folders = bigFileAgainstSlowServer(work);

        LoaderProcess first = LoaderProcess.start(folders, work, "first.log", settings());
        await().atMost(Duration.ofSeconds(90)).until(() -> TruedyApi.requests(api).size() >= 100);
        first.killHard();
        int sentBeforeKill = api.getAllServeEvents().size();
        assertThat(sentBeforeKill).as("killed mid-way").isLessThan(ROWS / BATCH_SIZE);

        resumeAndCheckEveryRowAccountedFor(folders, work);
        Map<String, Integer> timesReceived = timesEachContactWasReceived();
        List<String> twice = timesReceived.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        assertThat(timesReceived.values()).allMatch(times -> times <= 2);
        assertThat(twice.size()).as("only the batches in flight at the kill were sent twice")
                .isLessThanOrEqualTo(CONCURRENCY * BATCH_SIZE);
    }

    @Test
    void four_files_in_flight_at_a_kill_9_each_end_with_every_row_in_exactly_one_place_after_a_restart() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("kill-9-four");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0).withFixedDelay(40)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        List<String> batchCalls = List.of("bc_one", "bc_two", "bc_three", "bc_four");
        for (int file = 0; file < batchCalls.size(); file++) {
            folders.drop(batchCalls.get(file) + "/list-" + file + ".csv",
                    LoaderFixture.phoneColumn("+1646", 1_000_000 + file * FOUR_FILE_ROWS, FOUR_FILE_ROWS));
        }

        LoaderProcess first = LoaderProcess.start(folders, work, "first.log", settings());
        await().atMost(Duration.ofSeconds(90)).until(() -> batchCallsReceived().containsAll(batchCalls)
                && TruedyApi.requests(api).size() >= 40);
        first.killHard();
        assertThat(TruedyApi.requests(api).size()).as("killed mid-way").isLessThan(4 * FOUR_FILE_ROWS / BATCH_SIZE);

        LoaderProcess second = LoaderProcess.start(folders, work, "second.log", settings());
        assertThat(second.waitForExit(180)).as(second.log()).isZero();
        for (int file = 0; file < batchCalls.size(); file++) {
            JsonNode report = new ObjectMapper().readTree(folders.done.resolve("list-" + file + ".report.json").toFile());
            assertThat(report.path("rows").asInt()).isEqualTo(FOUR_FILE_ROWS);
            assertThat(report.path("accepted").asInt()).as("list-%d accepted", file).isEqualTo(FOUR_FILE_ROWS);
            assertThat(report.path("file").asText()).isEqualTo(batchCalls.get(file) + "/list-" + file + ".csv");
            assertThat(report.path("batches").size()).as("one entry per batch, none twice").isEqualTo(FOUR_FILE_ROWS / BATCH_SIZE);
        }
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.error)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.retry)).isEmpty();
        Map<String, Integer> timesReceived = timesEachContactWasReceived();
        assertThat(timesReceived).as("every contact reached the server").hasSize(4 * FOUR_FILE_ROWS);
        assertThat(timesReceived.values().stream().filter(times -> times > 1).count())
                .as("only the batches in flight at the kill were sent twice").isLessThanOrEqualTo(CONCURRENCY * BATCH_SIZE);
    }

    private java.util.Set<String> batchCallsReceived() {
        return TruedyApi.requests(api).stream().map(request -> request.getUrl().split("/"))
                .map(path -> path[path.length - 2]).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void sigterm_finishes_the_batches_in_flight_exits_0_and_the_restart_sends_only_the_rest() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("sigterm");
        LoaderFixture folders = bigFileAgainstSlowServer(work);

        LoaderProcess first = LoaderProcess.start(folders, work, "first.log", settings());
        await().atMost(Duration.ofSeconds(90)).until(() -> TruedyApi.requests(api).size() >= 100);
        first.terminate();
        int exit = first.waitForExit(60);

        assertThat(exit).as(first.log()).isZero();
        assertThat(LoaderFixture.filesIn(folders.inbox)).as("the file waits to be resumed").contains("bc_crash/big.csv");
        assertThat(LoaderFixture.filesIn(folders.done)).isEmpty();

        resumeAndCheckEveryRowAccountedFor(folders, work);
        assertThat(timesEachContactWasReceived().values()).as("nothing sent twice").allMatch(times -> times == 1);
    }

    @Test
    void a_file_routed_by_zone_resumes_after_a_kill_9_sending_each_contact_only_to_the_batch_call_of_its_zone()
            throws Exception {
        Path work = LoaderProcess.freshWorkFolder("kill-9-by-zone");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0).withFixedDelay(200)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        Map<String, String> batchCallOfArea = Map.of("212", "by_east", "312", "by_central", "303", "by_mountain",
                "213", "by_west");
        List<String> areas = List.of("212", "312", "303", "213");
        Map<String, String> batchCallOf = new HashMap<>();
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int row = 0; row < ROUTED_ROWS; row++) {
            String area = areas.get(row % areas.size());
            String phone = "+1" + area + "736%04d".formatted(row / areas.size());
            batchCallOf.put(phone, batchCallOfArea.get(area));
            csv.append(phone).append(",Person").append(row).append('\n');
        }
        folders.drop("national/.loader.properties", """
                loader.by-zone.by_east = America/New_York
                loader.by-zone.by_central = America/Chicago
                loader.by-zone.by_mountain = America/Denver
                loader.by-zone.by_west = America/Los_Angeles
                """);
        folders.drop("national/list.csv", csv.toString());

        LoaderProcess first = LoaderProcess.start(folders, work, "first.log", settings());
        await().atMost(Duration.ofSeconds(90)).until(() -> TruedyApi.requests(api).size() >= 10);
        first.killHard();
        assertThat(TruedyApi.requests(api).size()).as("killed mid-way").isLessThan(ROUTED_ROWS / BATCH_SIZE);

        LoaderProcess second = LoaderProcess.start(folders, work, "second.log", settings());
        assertThat(second.waitForExit(180)).as(second.log()).isZero();
        assertThat(second.log()).contains("Resuming national/list.csv");
        JsonNode report = new ObjectMapper().readTree(folders.done.resolve("list.report.json").toFile());
        assertThat(report.path("accepted").asInt()).isEqualTo(ROUTED_ROWS);
        for (String batchCall : batchCallOfArea.values()) {
            assertThat(report.path("routed").path(batchCall).path("contacts").asInt()).as(batchCall)
                    .isEqualTo(ROUTED_ROWS / areas.size());
        }
        Map<String, Integer> timesReceived = new HashMap<>();
        for (ServeEvent event : api.getAllServeEvents()) {
            String[] path = event.getRequest().getUrl().split("/");
            for (JsonNode contact : new ObjectMapper().readTree(event.getRequest().getBody()).path("contacts")) {
                String phone = contact.path("phone_number").asText();
                assertThat(path[path.length - 2]).as(phone + " was sent to the batch call of its zone")
                        .isEqualTo(batchCallOf.get(phone));
                timesReceived.merge(phone, 1, Integer::sum);
            }
        }
        assertThat(timesReceived).as("every contact reached the server").hasSize(ROUTED_ROWS);
        assertThat(timesReceived.values().stream().filter(times -> times > 1).count())
                .as("only the batches in flight at the kill were sent twice").isLessThanOrEqualTo(CONCURRENCY * BATCH_SIZE);
    }

    @Test
    void a_file_that_was_being_loaded_at_three_crashes_in_a_row_is_set_aside_in_error() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("poison");
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0).withFixedDelay(60_000)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_poison/poison.csv", LoaderFixture.phoneColumn("+1646", 4_000_000, 1_000));
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("truedy.read-timeout", "5m");

        for (int crash = 1; crash <= 3; crash++) {
            int before = TruedyApi.requests(api).size();
            LoaderProcess loader = LoaderProcess.start(folders, work, "start-" + crash + ".log", settings);
            await().atMost(Duration.ofSeconds(60)).until(() -> TruedyApi.requests(api).size() > before);
            loader.killHard(); // no batch was ever settled: no progress between the crashes
        }
        int before = TruedyApi.requests(api).size();
        LoaderProcess fourth = LoaderProcess.start(folders, work, "start-4.log", settings);
        int exit = fourth.waitForExit(120);

        assertThat(exit).as(fourth.log()).isEqualTo(3);
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.error)).containsExactly("poison.csv", "poison.error.json");
        JsonNode error = ai.truedy.loader.support.ReportSchemas.validated(folders.error.resolve("poison.error.json"));
        assertThat(error.path("error").asText()).contains("3 times in a row", "loader.max-crashes-per-file");
        assertThat(TruedyApi.requests(api)).as("the fourth start sent nothing").hasSize(before);
    }

    private static Map<String, String> settings() {
        return Map.of("truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "crash-key",
                "truedy.rate-limit.requests-per-minute", "0", "truedy.concurrency", String.valueOf(CONCURRENCY),
                "truedy.batch-size", String.valueOf(BATCH_SIZE));
    }

    private LoaderFixture bigFileAgainstSlowServer(Path work) throws java.io.IOException {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(BATCH_SIZE, 0).withFixedDelay(40)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("+1646%07d,Person%d\n".formatted(1_000_000 + i, i));
        }
        folders.drop("bc_crash/big.csv", csv.toString());
        return folders;
    }

    private void resumeAndCheckEveryRowAccountedFor(LoaderFixture folders, Path work) throws Exception {
        LoaderProcess second = LoaderProcess.start(folders, work, "second.log", settings());
        int exit = second.waitForExit(180);
        String log = second.log();

        assertThat(exit).as(log).isZero();
        assertThat(log).contains("Resuming bc_crash/big.csv");
        JsonNode report = new ObjectMapper().readTree(folders.done.resolve("big.report.json").toFile());
        assertThat(report.path("rows").asInt()).isEqualTo(ROWS);
        assertThat(report.path("accepted").asInt()).isEqualTo(ROWS);
        assertThat(report.path("batches").size()).isEqualTo(ROWS / BATCH_SIZE);
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.done)).containsExactly("big.csv", "big.report.json");
        assertThat(LoaderFixture.filesIn(folders.error)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.retry)).isEmpty();
        assertThat(timesEachContactWasReceived()).as("every contact reached the server").hasSize(ROWS);
    }

    private Map<String, Integer> timesEachContactWasReceived() throws java.io.IOException {
        Map<String, Integer> timesReceived = new HashMap<>();
        for (ServeEvent event : api.getAllServeEvents()) {
            new ObjectMapper().readTree(event.getRequest().getBody()).path("contacts")
                    .forEach(contact -> timesReceived.merge(contact.path("phone_number").asText(), 1, Integer::sum));
        }
        return timesReceived;
    }
}
