package ai.truedy.loader.reporting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.contacts.RoutedContacts;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowListener;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowWarning;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.reporting.FileReport.BatchReport;

/**
 * Where every row of one file is written down as it is settled: accepted, rejected (to
 * {@code error/<stem>.rejected.csv} with its original values, row number, reason and detail) or
 * pending retry (to {@code retry/<stem>.retry.csv}, re-droppable as it is). Rows sent with a
 * warning are also listed in {@code error/<stem>.warnings.csv}. It listens to the file's rows as
 * they are read and to its batches as they are settled, from the threads that settle them.
 */
public final class FileLedger implements RowListener, BatchListener {

    private static final List<String> ANNOTATIONS = List.of("row", "reason", "detail");

    private final String file;
    private final Instant startedAt;
    private final int columns;
    private final int batchCallIdColumn;
    private final CsvOutput rejectedRows;
    private final CsvOutput retryRows;
    private final CsvOutput warningRows;
    private final Rounds rounds;
    private final Map<String, Long> reasons = new TreeMap<>();
    private final Map<String, Long> warningReasons = new TreeMap<>();
    private final List<String> header;
    private final long linesAboveHeader;
    /** Accepted rows by the column their phone number came from. */
    private final Map<Integer, Long> phoneColumns = new TreeMap<>();
    private final TimeZoneCounts timeZones = new TimeZoneCounts();
    private final List<BatchReport> batches = new ArrayList<>();
    private Map<String, RoutedContacts.Routed> routed;
    private long rows;
    private long accepted;
    private long rejected;
    private long pendingRetry;
    private long warnings;
    private FileReport.ApiTotals apiTotals = FileReport.ApiTotals.NONE;

    /**
     * Where a file's rows are written down.
     *
     * @param rejected where rejected rows go
     * @param retry    where rows to send again go
     * @param warnings where rows sent with a warning are listed
     */
    public record Outputs(Path rejected, Path retry, Path warnings) {
    }

    /**
     * The file's place among re-drive rounds.
     *
     * @param round                  0 for a file dropped by people, n for the n-th re-drive
     * @param maxRounds              {@code loader.redrive.max-rounds}: from this round on, rows are not retried again
     * @param replayedRetriesWritten true when the retry rows of batches settled before (a file that grew
     *                               after it was archived) are in a retry file already, and are only counted
     */
    public record Rounds(int round, int maxRounds, boolean replayedRetriesWritten) {
    }

    /**
     * The file's header.
     *
     * @param cells             the header's cells
     * @param batchCallIdColumn the header's batch_call_id column, or -1 when it has none
     * @param linesAbove        the rows above the header, skipped: a title, a date
     */
    public record Header(List<String> cells, int batchCallIdColumn, long linesAbove) {
    }

    public FileLedger(String file, Instant startedAt, Header fileHeader, Outputs outputs, Rounds rounds) {
        this.rounds = rounds;
        this.file = file;
        this.startedAt = startedAt;
        this.linesAboveHeader = fileHeader.linesAbove();
        int batchCallIdColumn = fileHeader.batchCallIdColumn();
        List<String> header = withoutAnnotations(fileHeader.cells());
        this.header = header;
        this.columns = header.size();
        this.batchCallIdColumn = batchCallIdColumn < 0 ? header.size() : batchCallIdColumn;
        List<String> rejectedHeader = new ArrayList<>(header);
        rejectedHeader.addAll(ANNOTATIONS);
        List<String> retryHeader = new ArrayList<>(header);
        if (batchCallIdColumn < 0) {
            retryHeader.add("batch_call_id");
        }
        this.rejectedRows = new CsvOutput(outputs.rejected(), rejectedHeader);
        this.warningRows = new CsvOutput(outputs.warnings(), rejectedHeader);
        this.retryRows = new CsvOutput(outputs.retry(), retryHeader);
    }

    /**
     * A rejected or warnings file dropped back into the inbox ends with our {@code row, reason, detail}
     * columns; they are replaced, not repeated, so the file keeps its shape round after round.
     */
    private static List<String> withoutAnnotations(List<String> header) {
        int size = header.size();
        boolean annotated = size >= 3 && header.subList(size - 3, size).stream()
                .map(String::strip).toList().equals(ANNOTATIONS);
        return annotated ? header.subList(0, size - 3) : header;
    }

    @Override
    public synchronized void rowRead() {
        rows++;
    }

    @Override
    public void rejected(SourceRow row, RejectReason reason, String detail) {
        reject(row, reason, detail);
    }

    @Override
    public void rejectedByApi(SourceRow row, String reason) {
        reject(row, RejectReason.API_VALIDATION, reason);
    }

    private synchronized void reject(SourceRow row, RejectReason reason, String detail) {
        rejectedRows.write(annotated(row, reason.code(), detail));
        reasons.merge(reason.code(), 1L, Long::sum);
        rejected++;
    }

    /** A row that is sent anyway, but with something left out; it is not counted apart from its outcome. */
    @Override
    public synchronized void warned(SourceRow row, RowWarning warning) {
        warningRows.write(annotated(row, warning.reason().code(), warning.detail()));
        warningReasons.merge(warning.reason().code(), 1L, Long::sum);
        warnings++;
    }

    /** Writes down what the API made of a batch, or of a part of one, for each of its rows. */
    @Override
    public synchronized void settled(BatchSettled settled) {
        Batch batch = settled.batch();
        BatchOutcome outcome = settled.outcome();
        boolean replayed = settled.replayed();
        switch (outcome.disposition()) {
            case ACCEPTED -> {
                accepted += batch.size();
                batch.items().forEach(item -> phoneColumns.merge(item.phoneColumn(), 1L, Long::sum));
                batch.items().forEach(item -> timeZones.add(item.contact().phoneNumber()));
                apiTotals = apiTotals.plus(outcome.counts());
            }
            case REJECTED -> batch.items().forEach(item -> reject(item.row(), outcome.reason(), outcome.detail()));
            case RETRY -> {
                if (rounds.round() >= rounds.maxRounds()) {
                    batch.items().forEach(item -> reject(item.row(), RejectReason.RETRY_EXHAUSTED,
                            "still not sent after " + rounds.round() + " re-drive rounds: " + outcome.detail()));
                } else if (replayed && rounds.replayedRetriesWritten()) {
                    pendingRetry += batch.size();
                } else {
                    batch.items().forEach(this::retry);
                }
            }
        }
        batches.add(BatchReports.of(batch, outcome, settled.attempts()));
    }

    /** How far along the file is, for the console. */
    public synchronized FilesInFlight.Progress progress(double fractionRead) {
        return new FilesInFlight.Progress(file, startedAt.toString(), rows, accepted, rejected, pendingRetry, fractionRead,
                "", 1);
    }

    /** The contacts routed to each batch call by zone ({@code loader.by-zone.*}); null when they are not. */
    public synchronized void routed(Map<String, RoutedContacts.Routed> byBatchCall) {
        this.routed = byBatchCall;
    }

    /** Commits the output files and sums up. */
    public synchronized FileReport close(Instant finishedAt, String original, String report) throws IOException {
        Path rejectedFile = rejectedRows.commit();
        Path retryFile = retryRows.commit();
        Path warningsFile = warningRows.commit();
        return new FileReport(file, false, null, rounds.round(), startedAt.toString(), finishedAt.toString(), null, null, rows,
                linesAboveHeader,
                accepted, rejected,
                pendingRetry, new TreeMap<>(reasons), warnings, new TreeMap<>(warningReasons), phoneColumnNames(),
                timeZones.counts(), routed, apiTotals,
                new FileReport.Outputs(original, report, pathOrNull(rejectedFile), pathOrNull(retryFile),
                        pathOrNull(warningsFile)),
                BatchReports.inOrder(batches));
    }

    /** The accepted rows by the header of their phone column, in header order. */
    private Map<String, Long> phoneColumnNames() {
        Map<String, Long> named = new LinkedHashMap<>();
        phoneColumns.forEach((column, count) -> named.merge(column < header.size() ? header.get(column).strip()
                : "column " + (column + 1), count, Long::sum));
        return named;
    }

    /** The row's original values, then row number, reason code and detail. */
    private String[] annotated(SourceRow row, String code, String detail) {
        String[] values = row.valuesFor(columns + 3);
        values[columns] = Long.toString(row.number());
        values[columns + 1] = code;
        values[columns + 2] = detail;
        return values;
    }

    private void retry(Ready item) {
        String[] values = item.row().valuesFor(Math.max(columns, batchCallIdColumn + 1));
        values[batchCallIdColumn] = item.batchCallId();
        retryRows.write(values);
        pendingRetry++;
    }

    private static String pathOrNull(Path path) {
        return path == null ? null : path.toString();
    }
}
