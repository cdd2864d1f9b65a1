package ai.truedy.loader;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Output files are UTF-8 and read back to the same rows when dropped into the inbox again. */
class RedroppedOutputTest extends LoaderTest {

    @Test
    void a_rejected_file_from_a_windows_1252_export_reads_back_to_the_same_rows_and_reasons() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.dropBytes("bc_1/crm.csv", """
                Name;Phone;Notes
                Jürgen Müller;;"Rückruf; später"
                Élodie Dupré;2.12736E+09;VIP
                """.getBytes(Charset.forName("windows-1252")));
        loader.runOnce();
        List<Map<String, String>> firstRound = loader.rejectedRows("crm");

        String rejectedText = Files.readString(loader.error.resolve("crm.rejected.csv"));
        loader.drop("bc_1/crm-again.csv", rejectedText);
        loader.runOnce();

        assertThat(firstRound).extracting(row -> row.get("Name") + "|" + row.get("Notes") + "|" + row.get("reason"))
                .containsExactly("Jürgen Müller|Rückruf; später|missing_phone", "Élodie Dupré|VIP|invalid_phone");
        assertThat(loader.rejectedRows("crm-again")).isEqualTo(firstRound);
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_retry_file_keeps_accents_and_its_batch_call_when_dropped_back() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.dropBytes("bc_é/crm.csv", "first_name;phone\nJosé;+12127361000\n".getBytes(Charset.forName("windows-1252")));
        loader.runOnce();
        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));

        loader.drop("crm.retry-1.csv", Files.readString(loader.retry.resolve("crm.retry-1.csv")));
        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/api/public/v1/batch-calls/bc_%C3%A9/contacts");
            assertThat(request.getBodyAsString()).contains("\"first_name\":\"José\"");
        });
    }
}
