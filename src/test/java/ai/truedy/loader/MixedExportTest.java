package ai.truedy.loader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1,000-row export that mixes every real-world problem at once: Excel's BOM and {@code sep=;}
 * line, CRLF, quoted delimiters and line breaks, blank lines, national and international numbers,
 * extensions, apostrophes, scientific notation, missing phones, duplicates in other formats,
 * malformed rows, accents and non-Latin names, invalid emails.
 */
class MixedExportTest extends LoaderTest {

    static final int ROWS = 1000;

    record Expected(String phone, String first, String last, String email) {
    }

    final List<Expected> accepted = new ArrayList<>();
    int rejectedMissing;
    int rejectedInvalid;
    int rejectedDuplicate;
    int rejectedMalformed;
    int warnings;

    @Test
    void every_row_is_accounted_for_and_the_server_gets_exactly_the_expected_contacts() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        loader.dropBytes("bc_mixed/export.csv", mixedExport());

        assertThat(loader.runOnce()).isEqualTo(3);

        JsonNode report = loader.report("export");
        assertThat(report.path("rows").asLong()).isEqualTo(ROWS);
        assertThat(report.path("accepted").asLong() + report.path("rejected").asLong()
                + report.path("pending_retry").asLong()).isEqualTo(ROWS);
        assertThat(report.path("accepted").asLong()).isEqualTo(accepted.size());
        assertThat(report.path("reasons").path("missing_phone").asInt()).isEqualTo(rejectedMissing);
        assertThat(report.path("reasons").path("invalid_phone").asInt()).isEqualTo(rejectedInvalid);
        assertThat(report.path("reasons").path("duplicate_in_file").asInt()).isEqualTo(rejectedDuplicate);
        assertThat(report.path("reasons").path("malformed_row").asInt()).isEqualTo(rejectedMalformed);
        assertThat(report.path("warnings").asInt()).isEqualTo(warnings);

        List<Expected> received = new ArrayList<>();
        TruedyApi.sentBatches(api).forEach(batch -> batch.forEach(contact -> received.add(new Expected(
                contact.path("phone_number").asText(), textOrNull(contact, "first_name"),
                textOrNull(contact, "last_name"), textOrNull(contact, "email")))));
        assertThat(received).containsExactlyInAnyOrderElementsOf(accepted); // two senders: batches may interleave
    }

    /** Builds the file and, row by row, what must become of it. */
    private byte[] mixedExport() {
        StringBuilder csv = new StringBuilder("sep=;\r\nFirst Name;Last Name;Phone;Email;Notes\r\n");
        for (int i = 0; i < ROWS; i++) {
            if (i % 50 == 25) {
                csv.append("\r\n");
            }
            String national = "(212) %03d-%04d".formatted(200 + i / 10000, i % 10000);
            String e164 = "+1212%03d%04d".formatted(200 + i / 10000, i % 10000);
            String email = "person" + i + "@example.com";
            if (i == 503 || i == 777) {
                csv.append("Bad;\"Quote\"x;").append(national).append(";;\r\n");
                rejectedMalformed++;
                continue;
            }
            switch (i % 10) {
                case 0 -> row(csv, "Ana", "Ruiz", national, email, "", e164);
                case 1 -> row(csv, "Oliver", "Brown", "+44 20 7%03d %04d".formatted(i / 10000, i % 10000), email, "",
                        "+44207%03d%04d".formatted(i / 10000, i % 10000));
                case 2 -> row(csv, "\"Lee; Jr.\"", "Park", national, email, "\"said \"\"call me\"\"\"", e164,
                        "Lee; Jr.", "Park");
                case 3 -> row(csv, "Zoë", "李", "'" + e164, email, "", e164);
                case 4 -> {
                    row(csv, "Ext", "Ension", national + " x12", email, "", e164);
                    warnings++;
                }
                case 5 -> {
                    csv.append("Bad;Mail;").append(national).append(";not-an-email;\r\n");
                    accepted.add(new Expected(e164, "Bad", "Mail", null));
                    warnings++;
                }
                case 6 -> {
                    csv.append("No;Phone;;").append(email).append(";\r\n");
                    rejectedMissing++;
                }
                case 7 -> {
                    csv.append("Sci;Entific;2.12736E+09;").append(email).append(";\r\n");
                    rejectedInvalid++;
                }
                case 8 -> {
                    int earlier = i - 8;
                    csv.append("Dup;Licate;+1 212-%03d-%04d;".formatted(200 + earlier / 10000, earlier % 10000))
                            .append(email).append(";\r\n");
                    rejectedDuplicate++;
                }
                default -> row(csv, "  Multi  ", " Line ", national, email, "\"first line\r\nsecond; line\"", e164,
                        "Multi", "Line");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private void row(StringBuilder csv, String first, String last, String phone, String email, String notes, String e164) {
        row(csv, first, last, phone, email, notes, e164, first, last);
    }

    private void row(StringBuilder csv, String first, String last, String phone, String email, String notes, String e164,
                     String sentFirst, String sentLast) {
        csv.append(String.join(";", first, last, phone, email, notes)).append("\r\n");
        accepted.add(new Expected(e164, sentFirst, sentLast, email));
    }

    private static String textOrNull(JsonNode contact, String field) {
        return contact.path(field).isTextual() ? contact.path(field).asText() : null;
    }
}
