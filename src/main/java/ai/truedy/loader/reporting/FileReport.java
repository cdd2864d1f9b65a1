package ai.truedy.loader.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.truedy.loader.contacts.RoutedContacts;
import ai.truedy.loader.model.BatchOutcome;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The report written for each file, {@code done/<stem>.report.json}. Every row is in exactly one of
 * {@code accepted}, {@code rejected} and {@code pending_retry}: {@code rows == accepted + rejected + pending_retry}.
 * {@code skipped_lines_above_header} counts the rows above the header (a title, a date), which are not data.
 * {@code preview} is true for a preview ({@code --preview}): nothing was sent, {@code accepted} are the rows a
 * load would send. {@code warnings} counts rows sent with something left out (an invalid email, an extension); they
 * are counted in {@code accepted} (or wherever their batch went) as well. {@code duplicate_of} names
 * the earlier file with the same content, when this one was not sent again. {@code routed} counts the
 * contacts routed to each batch call by their time zones ({@code loader.by-zone.*}), null when
 * contacts are not routed by zone. Every key is always
 * there, null when it does not apply; {@code schemas/report.schema.json} in the jar describes them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FileReport(
        String file,
        boolean preview,
        String duplicateOf,
        int round,
        String startedAt,
        String finishedAt,
        String approvedBy,
        String approvedAt,
        long rows,
        long skippedLinesAboveHeader,
        long accepted,
        long rejected,
        long pendingRetry,
        Map<String, Long> reasons,
        long warnings,
        Map<String, Long> warningReasons,
        Map<String, Long> phoneColumns,
        Map<String, Long> timeZones,
        Map<String, RoutedContacts.Routed> routed,
        ApiTotals api,
        Outputs outputs,
        List<BatchReport> batches) {

    /** The report of a file not sent again: the same content was loaded as {@code duplicateOf}. */
    public static FileReport duplicate(String file, String duplicateOf, String startedAt, String original,
                                       String report) {
        return new FileReport(file, false, duplicateOf, 0, startedAt, Instant.now().toString(), null, null, 0, 0, 0, 0, 0,
                Map.of(),
                0, Map.of(), Map.of(), Map.of(), null, new ApiTotals(0, 0, 0, 0), new Outputs(original, report, null, null, null),
                List.of());
    }

    /** Counts by name as people read them: {@code do_not_call 1, invalid_phone 2}. */
    static String inWords(Map<String, Long> counts) {
        return counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The same report for a preview: nothing was sent. */
    public FileReport asPreview() {
        return new FileReport(file, true, duplicateOf, round, startedAt, finishedAt, approvedBy, approvedAt, rows,
                skippedLinesAboveHeader, accepted, rejected, pendingRetry, reasons, warnings, warningReasons, phoneColumns,
                timeZones, routed, api, outputs, batches);
    }

    /** The same report, saying who approved the file and when ({@code loader.approval = required}). */
    public FileReport approvedBy(String by, String at) {
        return new FileReport(file, preview, duplicateOf, round, startedAt, finishedAt, by, at, rows,
                skippedLinesAboveHeader, accepted, rejected, pendingRetry, reasons, warnings, warningReasons, phoneColumns,
                timeZones, routed, api, outputs, batches);
    }

    /** What the API said it did with the accepted contacts, summed over the batches that reported it. */
    public record ApiTotals(long added, long failed, long duplicatesSkipped, long invalidSkipped) {

        static final ApiTotals NONE = new ApiTotals(0, 0, 0, 0);

        /** These totals and one answer's counts; a count the API left out adds nothing. */
        ApiTotals plus(BatchOutcome.ApiCounts counts) {
            return new ApiTotals(added + orZero(counts.added()), failed + orZero(counts.failed()),
                    duplicatesSkipped + orZero(counts.duplicatesSkipped()), invalidSkipped + orZero(counts.invalidSkipped()));
        }

        private static long orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    /** Where the file's rows went. Null entries mean no such file was needed. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Outputs(String original, String report, String rejected, String retry, String warnings) {
    }

    /**
     * One batch: what became of it after {@code attempts} requests (0 when it was settled unsent).
     * A batch settled in pieces (halved after a 413, or partly settled before the file was read
     * again) has an entry per piece, numbered by {@code part}; {@code part} is null for a batch
     * settled whole. Every entry has every key: what no answer said is null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BatchReport(
            int batch,
            Integer part,
            String batchCallId,
            long firstRow,
            long lastRow,
            int contacts,
            int attempts,
            Integer httpStatus,
            String requestId,
            String outcome,
            String reason,
            Integer added,
            Integer failed,
            Integer duplicatesSkipped,
            Integer invalidSkipped,
            Integer totalContacts,
            String detail) {

        BatchReport withPart(int number) {
            return new BatchReport(batch, number, batchCallId, firstRow, lastRow, contacts, attempts, httpStatus,
                    requestId, outcome, reason, added, failed, duplicatesSkipped, invalidSkipped, totalContacts, detail);
        }
    }
}
