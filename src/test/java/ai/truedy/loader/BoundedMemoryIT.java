package ai.truedy.loader;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.ReportSchemas;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar in a 256 MB heap: memory and operating-system resources do not grow with the
 * number of batch calls a file's rows go to, nor with what one line or one address-book card holds.
 */
class BoundedMemoryIT {

    static final int BATCH_CALLS = 1_000;
    static final int ROWS_PER_CALL = 30;

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    @Test
    void a_file_for_1000_batch_calls_a_100_mb_field_and_a_50_mb_photo_load_in_a_256_mb_heap() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("bounded-memory");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(10, 0)));
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        folders.drop("calls.csv", manyBatchCalls());
        writeHugeField(folders.inbox.resolve("bc_huge/huge.csv"));
        writeHugePhoto(folders.inbox.resolve("bc_huge/photo.vcf"));

        LoaderProcess loader = LoaderProcess.start(folders, work, "loader.log", Map.of(
                "truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "memory-key",
                "truedy.rate-limit.requests-per-minute", "0"),
                List.of("-Xmx256m"));
        int exit = loader.waitForExit(300);
        String log = loader.log();

        assertThat(exit).as(log).isEqualTo(3);
        assertThat(log).doesNotContain("OutOfMemoryError", "mmap");
        JsonNode calls = ReportSchemas.validated(folders.done.resolve("calls.report.json"));
        assertThat(calls.path("rows").asInt()).isEqualTo(BATCH_CALLS * ROWS_PER_CALL);
        assertThat(calls.path("accepted").asInt()).isEqualTo(BATCH_CALLS * ROWS_PER_CALL);
        Map<String, Integer> perBatchCall = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (LoggedRequest request : TruedyApi.requests(api)) {
            if (request.getUrl().contains("bc_huge")) {
                continue;
            }
            perBatchCall.merge(request.getUrl(), json.readTree(request.getBody()).path("contacts").size(), Integer::sum);
        }
        assertThat(perBatchCall).hasSize(BATCH_CALLS).allSatisfy((url, contacts) -> assertThat(contacts)
                .as(url).isEqualTo(ROWS_PER_CALL));
        assertThat(TruedyApi.sentPhones(api)).doesNotHaveDuplicates();

        JsonNode huge = ReportSchemas.validated(folders.done.resolve("huge.report.json"));
        assertThat(huge.path("rows").asInt()).isEqualTo(3);
        assertThat(huge.path("accepted").asInt()).isEqualTo(2);
        assertThat(huge.path("reasons").path("field_too_long").asInt()).isEqualTo(1);
        assertThat(Files.size(folders.error.resolve("huge.rejected.csv"))).isLessThan(10_000);

        JsonNode photo = ReportSchemas.validated(folders.done.resolve("photo.report.json"));
        assertThat(photo.path("rows").asInt()).isEqualTo(2);
        assertThat(photo.path("accepted").asInt()).isEqualTo(2);
        assertThat(TruedyApi.sentPhones(api)).contains("+12127361010", "+12127361011");
        ReportSchemas.validateAll(work);
    }

    /** Row i goes to batch call bc_(i mod 1000): every batch call's rows are spread over the whole file. */
    private static String manyBatchCalls() {
        StringBuilder csv = new StringBuilder("phone,first_name,batch_call_id\n");
        for (int i = 0; i < BATCH_CALLS * ROWS_PER_CALL; i++) {
            csv.append("+1646%07d,Person%d,bc_%04d\n".formatted(3_000_000 + i, i, i % BATCH_CALLS));
        }
        return csv.toString();
    }

    /** A row whose quoted notes cell holds 100 MB, between two ordinary rows; written under target/. */
    private static void writeHugeField(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("phone,first_name,notes\n+12127361000,Ann,short\n+12127361001,Bob,\"");
            String chunk = "x".repeat(1 << 20);
            for (int mb = 0; mb < 100; mb++) {
                out.write(chunk);
            }
            out.write("\"\n+12127361002,Cy,short\n");
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    /** An address book whose first card has a 50 MB photo on one unfolded line; written under target/. */
    private static void writeHugePhoto(Path file) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dee Ng\r\nTEL;TYPE=CELL:+1 212 736 1010\r\n"
                    + "PHOTO;ENCODING=b;TYPE=JPEG:");
            String chunk = "A".repeat(1 << 20);
            for (int mb = 0; mb < 50; mb++) {
                out.write(chunk);
            }
            out.write("\r\nEMAIL:dee@example.com\r\nEND:VCARD\r\n"
                    + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eli Oz\r\nTEL:+1 212 736 1011\r\nEND:VCARD\r\n");
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
}
