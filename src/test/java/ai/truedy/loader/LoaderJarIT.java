package ai.truedy.loader;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, run from the project root as ops run it ({@code java -jar target/truedy-contacts-loader.jar
 * --once}), on a 10,000-row file against a local server.
 */
class LoaderJarIT {

    static final String SECRET_KEY = "it-secret-key-must-never-be-printed";
    static final int ROWS = 10_000;
    static final String FAILING_MARKER = "+16469990000";
    static final int ATTEMPTS = 3;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    /** Found on a machine whose locale is C: one folder named with an accent stopped every poll of the inbox. */
    @Test
    void without_a_utf_8_locale_a_name_it_cannot_read_is_left_where_it_is_and_the_other_files_load() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("locale-c");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("démo/a.csv", "phone\n+12127361001\n");
        folders.drop("plain/b.csv", "phone\n+12127361002\n");

        LoaderProcess loader = LoaderProcess.startWithEnvironment(folders, work, "loader.log", Map.of(
                "truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", SECRET_KEY,
                "truedy.rate-limit.requests-per-minute", "0"), Map.of("LC_ALL", "C", "LANG", "C"));
        int exit = loader.waitForExit(120);
        String log = loader.log();

        assertThat(exit).as("a file was not taken: " + log).isEqualTo(3);
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361002");
        assertThat(LoaderFixture.filesIn(folders.done)).containsExactly("b.csv", "b.report.json");
        assertThat(folders.inbox.resolve("démo/a.csv")).exists();
        assertThat(log).contains("cannot read from the disk", "LANG=C.UTF-8", "1 not taken: a name this loader cannot read");
    }

    @Test
    void loads_ten_thousand_rows_and_the_report_matches_what_the_server_received() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("ten-thousand-rows");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(containing(FAILING_MARKER))
                .willReturn(TruedyApi.error(503, "unavailable", "try later")));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("bc_it/big.csv", bigFile());

        LoaderProcess loader = LoaderProcess.start(folders, work, "loader.log", Map.of(
                "truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", SECRET_KEY,
                "truedy.rate-limit.requests-per-minute", "0", "truedy.retry.max-attempts", String.valueOf(ATTEMPTS),
                "truedy.retry.initial-delay", "10ms"));
        int exit = loader.waitForExit(180);
        String log = loader.log();

        assertThat(exit).as(log).isEqualTo(3);
        assertThat(log).doesNotContain(SECRET_KEY).doesNotContain("+1646");

        long acceptedByServer = 0;
        long refusedByServer = 0;
        Set<String> accepted = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (ServeEvent event : api.getAllServeEvents()) {
            JsonNode contacts = json.readTree(event.getRequest().getBody()).path("contacts");
            if (event.getResponse().getStatus() == 200) {
                acceptedByServer += contacts.size();
                contacts.forEach(contact -> assertThat(accepted.add(contact.path("phone_number").asText()))
                        .as("accepted once: %s", contact).isTrue());
            } else {
                refusedByServer += contacts.size();
            }
        }
        JsonNode report = json.readTree(folders.done.resolve("big.report.json").toFile());
        assertThat(report.path("rows").asLong()).isEqualTo(ROWS);
        assertThat(report.path("accepted").asLong()).isEqualTo(acceptedByServer).isEqualTo(ROWS - 100 - 50);
        assertThat(report.path("pending_retry").asLong()).isEqualTo(100);
        assertThat(refusedByServer).as("the refused batch, tried %d times", ATTEMPTS).isEqualTo(100L * ATTEMPTS);
        assertThat(report.path("rejected").asLong()).isEqualTo(50);
        assertThat(report.path("reasons").path("missing_phone").asLong()).isEqualTo(50);
        assertThat(report.path("batches").size()).isEqualTo(100);
        assertThat(api.getAllServeEvents()).hasSize(99 + ATTEMPTS);
        assertThat(LoaderFixture.csv(folders.retry.resolve("big.retry-1.csv"))).hasSize(100)
                .allSatisfy(row -> assertThat(row.get("batch_call_id")).isEqualTo("bc_it"));
        assertThat(LoaderFixture.csv(folders.error.resolve("big.rejected.csv"))).hasSize(50)
                .allSatisfy(row -> assertThat(row.get("reason")).isEqualTo("missing_phone"));
        assertThat(LoaderFixture.filesIn(folders.inbox)).isEmpty();
        assertThat(LoaderFixture.filesIn(folders.done)).containsExactly("big.csv", "big.report.json");
    }

    /** 10,000 rows: every 200th has no phone; the batch of the 5,001st contact carries the failing marker. */
    private static String bigFile() {
        StringBuilder csv = new StringBuilder("first_name,last_name,phone,email\n");
        int sent = 0;
        for (int i = 1; i <= ROWS; i++) {
            String phone;
            if (i % 200 == 0) {
                phone = "";
            } else {
                sent++;
                phone = sent == 5001 ? FAILING_MARKER : "+1 646 %07d".formatted(1_000_000 + i);
            }
            csv.append("First%d,Last%d,%s,person%d@example.com\n".formatted(i, i, phone, i));
        }
        return csv.toString();
    }
}
