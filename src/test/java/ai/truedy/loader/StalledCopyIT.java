package ai.truedy.loader;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.ReportSchemas;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as a service, with a file written into the inbox in two parts, as a network copy
 * that stalls writes it: the first part ends in the middle of a phone number. Whether the pause is
 * shorter than loader.settle-time (the file is read on as it grows) or longer (the settle watch
 * loads what was appended to the archived original), the file is accepted whole, with one report,
 * every contact reaches the server once, and the original in done/ is byte for byte what was written.
 */
class StalledCopyIT {

    static final int ROWS = 2_000;
    static final int CUT_IN_ROW = 1_001;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @Test
    void a_copy_that_pauses_for_less_than_the_settle_time_is_read_on_as_it_grows() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("stalled-copy-short");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));

        String log = copyInTwoParts(folders, work, "8s",
                () -> !TruedyApi.requests(api).isEmpty()); // the loader is reading: paused longer than the min age

        assertAcceptedWhole(folders);
        assertThat(log).doesNotContain("grew after it was archived");
    }

    @Test
    void a_copy_that_pauses_for_longer_than_the_settle_time_is_completed_by_the_settle_watch() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("stalled-copy-long");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));

        String log = copyInTwoParts(folders, work, "2s", () -> Files.exists(folders.done.resolve("big.report.json"))
                && Files.exists(folders.done.resolve("big.csv"))); // archived: the writer goes on into done/big.csv

        assertAcceptedWhole(folders);
        assertThat(log.split("grew after it was archived", -1)).as("one WARN").hasSize(2);
    }

    /**
     * Runs the jar as a service with a read-lock min age of 1 s and the given settle time, writes
     * the first part into the inbox, waits for {@code pauseUntil}, writes the second part through the
     * same open file, and waits until the original is archived with a report of every row; returns the log.
     */
    private static String copyInTwoParts(LoaderFixture folders, Path work, String settleTime,
                                         Callable<Boolean> pauseUntil) throws Exception {
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", settings(settleTime));
        Path file = folders.inbox.resolve("bc_stall/big.csv");
        Files.createDirectories(file.getParent());
        try (FileOutputStream writer = new FileOutputStream(file.toFile(), true)) {
            writer.write(firstPart());
            await().atMost(Duration.ofSeconds(60)).until(pauseUntil);
            writer.write(secondPart());
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folders.done.resolve("big.csv"))
                    && new ObjectMapper().readTree(folders.done.resolve("big.report.json").toFile())
                    .path("rows").asInt() == ROWS);
        } finally {
            loader.terminate();
            loader.waitForExit(60);
        }
        return loader.log();
    }

    private static Map<String, String> settings(String settleTime) {
        Map<String, String> settings = new HashMap<>(Map.of("truedy.base-url", TruedyApi.baseUrl(api),
                "truedy.api-key", "stalled-key", "truedy.rate-limit.requests-per-minute", "0",
                "loader.read-lock-min-age", "1s", "loader.settle-time", settleTime, "loader.poll-delay", "200ms"));
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        return settings;
    }

    private static void assertAcceptedWhole(LoaderFixture folders) throws Exception {
        JsonNode report = ReportSchemas.validated(folders.done.resolve("big.report.json"));
        assertThat(report.path("rows").asInt()).isEqualTo(ROWS);
        assertThat(report.path("accepted").asInt()).isEqualTo(ROWS);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(LoaderFixture.filesIn(folders.done)).containsExactly("big.csv", "big.report.json");
        assertThat(LoaderFixture.filesIn(folders.error)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        byte[] written = new byte[firstPart().length + secondPart().length];
        System.arraycopy(firstPart(), 0, written, 0, firstPart().length);
        System.arraycopy(secondPart(), 0, written, firstPart().length, secondPart().length);
        assertThat(Files.readAllBytes(folders.done.resolve("big.csv"))).isEqualTo(written);
        assertThat(TruedyApi.sentPhones(api)).hasSize(ROWS).doesNotHaveDuplicates();
    }

    private static String content() {
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("+1646%07d,Person%d\n".formatted(2_000_000 + i, i));
        }
        return csv.toString();
    }

    /** Up to the middle of the phone number of row {@value #CUT_IN_ROW}. */
    private static byte[] firstPart() {
        String csv = content();
        int row = csv.indexOf("+1646%07d".formatted(2_000_000 + CUT_IN_ROW));
        return csv.substring(0, row + 7).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] secondPart() {
        String csv = content();
        return csv.substring(firstPart().length).getBytes(StandardCharsets.UTF_8);
    }
}
