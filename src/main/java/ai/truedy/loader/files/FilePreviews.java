package ai.truedy.loader.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.batching.FileRows;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.LogSafe;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.reporting.AtomicFiles;
import ai.truedy.loader.reporting.FileError;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.reporting.PreviewSummary;
import ai.truedy.loader.state.FileJournal;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview route's beans ({@code --preview}): a file in the inbox is read into contacts and
 * batches exactly as a load reads it, its batches are settled unsent, and what a load would do is
 * written under {@code loader.preview-dir}, in the file's inbox sub-folder: {@code name.report.json}
 * with {@code "preview": true}, {@code name.rejected.csv}, {@code name.warnings.csv}, or
 * {@code name.error.json}. A preview of the same file again replaces them. The inbox is left as it
 * is and no journal is written. With {@code --once}, a short summary of each file is printed.
 */
public final class FilePreviews {

    private static final Logger LOG = LoggerFactory.getLogger(FilePreviews.class);
    private static final String PROPERTY = "loaderFilePreview";

    private final ContactFiles files;
    private final Path previewDir;
    private final int concurrency;
    private final int batchSize;
    private final int maxRounds;
    private final int requestsPerMinute;
    private final LoaderRun run;
    private final ObjectWriter json;
    private final PrintStream summaries;
    private final EarlierLoads earlierLoads;

    /** Where a preview learns whether the same content was loaded lately; it only reads. */
    @FunctionalInterface
    public interface EarlierLoads {
        /** The journal of the same content loaded for the file's batch call within the duplicate window, or null. */
        FileJournal of(IntakeFile file, boolean byName) throws IOException;
    }

    /**
     * @param previewDir        {@code loader.preview-dir}
     * @param requestsPerMinute {@code truedy.rate-limit.requests-per-minute}, for the time a load would take
     * @param summaries         where each file's summary is printed (standard output with {@code --once}); null: logged
     * @param earlierLoads      the same content loaded lately, which a load would skip
     */
    public FilePreviews(ContactFiles files, Path previewDir, int concurrency, int batchSize, int maxRounds,
                        int requestsPerMinute, LoaderRun run, ObjectWriter json, PrintStream summaries,
                        EarlierLoads earlierLoads) {
        this.earlierLoads = earlierLoads;
        this.files = files;
        this.previewDir = previewDir;
        this.concurrency = concurrency;
        this.batchSize = batchSize;
        this.maxRounds = maxRounds;
        this.requestsPerMinute = requestsPerMinute;
        this.run = run;
        this.json = json;
        this.summaries = summaries;
    }

    /** One file being previewed. */
    private record Preview(IntakeFile file, ContactFiles.Opened opened, FileLedger ledger, BatchesInFlight inFlight,
                           PreviewSummary summary) {
    }

    /**
     * Opens the file and leaves its rows (for batching) and its origin (for the preview sender) on
     * the exchange; or, for content a load would skip as loaded lately, that load's journal under
     * {@value FileIntake#DUPLICATE_OF} instead.
     */
    public void open(Exchange exchange) throws Exception {
        IntakeFile file = picked(exchange);
        Files.createDirectories(output(file, "").getParent());
        RetryRound round = RetryRound.of(file.path().getFileName().toString());
        FileJournal earlier = earlierLoads.of(file, round.round() > 0);
        if (earlier != null) {
            exchange.setProperty(FileIntake.DUPLICATE_OF, earlier);
            return;
        }
        LOG.info("Previewing {} (nothing is sent)", file.relativePath());
        ContactFiles.Opened opened = files.open(file, previewDir.resolve(".scratch"));
        FileLedger ledger = new FileLedger(file.relativePath(), file.startedAt(), opened.source().header(),
                opened.columns().batchCallId(), output(file, OutputNames.REJECTED), output(file, ".retry.csv"),
                output(file, OutputNames.WARNINGS), round.round(), maxRounds, false);
        Preview preview = new Preview(file, opened, ledger, new BatchesInFlight(concurrency), new PreviewSummary());
        exchange.setProperty(PROPERTY, preview);
        exchange.setProperty(FileRows.PROPERTY, new FileRows(file.relativePath(), opened.source(), opened.contacts(),
                ledger, preview.inFlight(), row -> null, batchSize));
        exchange.setProperty(BatchOrigin.PROPERTY, new BatchOrigin(file.relativePath(),
                BatchListener.all(ledger, preview.summary(), preview.inFlight())));
    }

    /** Every batch is settled: the report and its summary. */
    public void report(Exchange exchange) throws IOException {
        Preview preview = exchange.getProperty(PROPERTY, Preview.class);
        if (preview.inFlight().failure() != null) {
            throw preview.inFlight().failure();
        }
        if (preview.inFlight().isCutShort()) {
            throw new LoaderStoppedException("The preview of " + preview.file().relativePath() + " was cut short");
        }
        close(preview);
        Path reportFile = output(preview.file(), OutputNames.REPORT);
        FileReport report = preview.ledger().close(Instant.now(), preview.file().path().toString(), reportFile.toString())
                .asPreview();
        AtomicFiles.write(reportFile, out -> json.writeValue(out, report));
        run.fileLoaded(report);
        print(preview.summary().text(report, requestsPerMinute));
    }

    /** The same content was loaded lately: a load would skip it, and the preview's report says so. */
    public void duplicate(Exchange exchange) throws IOException {
        IntakeFile file = picked(exchange);
        FileJournal earlier = exchange.getProperty(FileIntake.DUPLICATE_OF, FileJournal.class);
        Path reportFile = output(file, OutputNames.REPORT);
        FileReport report = FileReport.duplicate(file.relativePath(), earlier.previousStart().file(),
                file.startedAt().toString(), file.path().toString(), reportFile.toString()).asPreview();
        AtomicFiles.write(reportFile, out -> json.writeValue(out, report));
        run.fileLoaded(report);
        print("Preview of " + file.relativePath() + " (nothing sent): a load would skip it, as the same content was"
                + " loaded as " + earlier.previousStart().file() + " at " + earlier.previousDone().finishedAt()
                + " (loader.duplicate-file-window)\n  report: " + reportFile);
    }

    private void print(String summary) {
        if (summaries != null) {
            summaries.println(summary);
            summaries.flush();
        } else {
            LOG.info("{}", summary);
        }
    }

    /** The file cannot be read as a contact list: {@code name.error.json} says why. */
    public void unreadable(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("Cannot preview {}: {}", picked(exchange).relativePath(), LogSafe.mask(cause.getMessage()));
        writeError(exchange, cause.getMessage());
    }

    /** Something unexpected stopped the preview. */
    public void failed(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Failed to preview {}", picked(exchange).relativePath(), cause);
        writeError(exchange, "unexpected error: " + cause);
    }

    /** The loader is stopping: the file is left, as every file is in a preview. */
    public void stopped(Exchange exchange) throws IOException {
        Preview preview = exchange.getProperty(PROPERTY, Preview.class);
        if (preview != null) {
            close(preview);
        }
        run.fileStopped(picked(exchange).relativePath());
    }

    private void writeError(Exchange exchange, String reason) throws IOException {
        IntakeFile file = picked(exchange);
        Preview preview = exchange.getProperty(PROPERTY, Preview.class);
        if (preview != null) {
            close(preview);
        }
        FileError record = FileErrors.of(file, reason, file.path(), preview == null ? null : preview.ledger());
        Path errorFile = output(file, OutputNames.ERROR);
        Files.createDirectories(errorFile.getParent());
        AtomicFiles.write(errorFile, json.writeValueAsBytes(record));
        run.fileFailed();
    }

    /** The file in the exchange; its outputs are named as it is, in its own sub-folder of the preview's. */
    private IntakeFile picked(Exchange exchange) {
        return ContactFiles.picked(exchange, run, (base, extension) -> base);
    }

    /** Where an output of the file goes: below the preview folder, in the file's inbox sub-folder. */
    private Path output(IntakeFile file, String suffix) {
        Path folder = file.folderBatchCallId().isEmpty() ? previewDir : previewDir.resolve(file.folderBatchCallId());
        return folder.resolve(file.stem() + suffix);
    }

    private static void close(Preview preview) throws IOException {
        preview.opened().source().close();
        preview.opened().contacts().close();
    }
}
