package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.ReadContent;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.model.LogSafe;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.observability.LoaderMetrics;
import ai.truedy.loader.reporting.AtomicFiles;
import ai.truedy.loader.reporting.FileError;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.Notifications;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.JournalUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the outcome of a file: its report, its rejected and retry rows, and where the original goes.
 * The original itself is moved by the file endpoint when the exchange completes, to the path this
 * bean leaves in the {@value #ARCHIVE_TO} exchange property.
 */
public final class FileReports {

    public static final String ARCHIVE_TO = "loaderArchiveTo";

    private static final Logger LOG = LoggerFactory.getLogger(FileReports.class);
    private static final ObjectMapper READER = new ObjectMapper();

    private final ObjectWriter json;
    private final FileIntake intake;
    private final LoaderRun run;
    private final Path done;
    private final Path error;
    private final LoaderMetrics metrics;
    private final Consumer<FileJournal> archived;
    private final ReadyMarker marker;
    private final Notifications notifications;

    /**
     * @param archived      told of each file archived in done/, by its journal (the settle watch)
     * @param marker        the ready markers, removed with their files
     * @param notifications told of each file finished or set aside in error/ ({@code loader.notify.url})
     */
    public FileReports(ObjectWriter json, FileIntake intake, LoaderRun run, Path done, Path error,
                       LoaderMetrics metrics, Consumer<FileJournal> archived, ReadyMarker marker,
                       Notifications notifications) {
        this.notifications = notifications;
        this.marker = marker;
        this.archived = archived;
        this.metrics = metrics;
        this.json = json;
        this.intake = intake;
        this.run = run;
        this.done = done;
        this.error = error;
    }

    /** Every row is settled: the report goes to done/ and so does the original. */
    public void complete(Exchange exchange) throws IOException {
        FileLoad load = exchange.getProperty(FileLoad.PROPERTY, FileLoad.class);
        if (load.inFlight().failure() != null) {
            throw load.inFlight().failure();
        }
        if (load.keeper().lostBecause() != null) {
            throw new LoaderStoppedException(load.file().relativePath() + " stays in the inbox: its journal cannot be kept"
                    + " here (" + load.keeper().lostBecause() + "); it is resumed from its journal");
        }
        if (load.inFlight().isCutShort()) {
            throw new LoaderStoppedException(load.file().relativePath() + " stays in the inbox: "
                    + load.journal().settledCount() + " batches are journaled, the rest is sent at the next start");
        }
        ReadContent content = load.source().content();
        SourceRow lastRow = content.endsWithLine() ? null : load.source().lastRow();
        load.source().close();
        load.contacts().close();
        IntakeFile file = load.file();
        Path original = done.resolve(file.archiveName());
        Path reportFile = done.resolve(file.stem() + OutputNames.REPORT);
        FileReport report = load.ledger().close(Instant.now(), original.toString(), reportFile.toString());
        if (report.rows() != report.accepted() + report.rejected() + report.pendingRetry()) {
            LOG.error("{}: rows do not add up ({} rows, {} accepted, {} rejected, {} pending retry); this is a bug",
                    file.relativePath(), report.rows(), report.accepted(), report.rejected(), report.pendingRetry());
        }
        boolean countedBefore = load.journal().isRegrown() && Files.exists(reportFile);
        JsonNode counted = countedBefore ? READER.readTree(reportFile.toFile()) : null;
        AtomicFiles.write(reportFile, out -> json.writeValue(out, report));
        FileJournal.Tail tail = lastRow == null ? null : new FileJournal.Tail(lastRow.number(), List.of(lastRow.values()));
        load.journal().complete(new FileJournal.Done(reportFile.toString(), report.finishedAt(), original.toString(),
                content.length(), content.headSha256(), tail),
                intake.journalKey(content.digest(), file));
        load.sent().fileDone(Instant.parse(report.finishedAt()));
        archiveTo(exchange, file, original);
        archived.accept(load.journal());
        run.fileLoaded(report);
        countRows(report, counted);
        notifications.finished(report);
        LOG.info("Finished {} in {} ms: {} rows, {} accepted, {} rejected, {} pending retry -> {}",
                file.relativePath(), Duration.between(file.startedAt(), Instant.now()).toMillis(), report.rows(),
                report.accepted(), report.rejected(), report.pendingRetry(), reportFile);
    }

    /**
     * The same content was loaded within the duplicate window: nothing is sent, the original goes to
     * done/ with a report that names the earlier file and its report, where its rows are accounted for.
     */
    public void duplicate(Exchange exchange) throws IOException {
        IntakeFile file = intake.identify(exchange);
        FileJournal earlier = exchange.getProperty(FileIntake.DUPLICATE_OF, FileJournal.class);
        Path original = done.resolve(file.archiveName());
        Path reportFile = done.resolve(file.stem() + OutputNames.REPORT);
        FileReport report = FileReport.duplicate(file.relativePath(), earlier.previousStart().file(),
                file.startedAt().toString(), original.toString(), reportFile.toString());
        AtomicFiles.write(reportFile, json.writeValueAsBytes(report));
        archiveTo(exchange, file, original);
        run.fileLoaded(report);
        notifications.finished(report);
        LOG.info("Skipped {}: same content as {} (report {}), loaded at {} -> {}", file.relativePath(),
                earlier.previousStart().file(), earlier.previousDone().report(), earlier.previousDone().finishedAt(),
                reportFile);
    }

    /**
     * The loader is stopping in the middle of the file (the batches in flight have been settled and
     * journaled): its outputs so far are dropped (they are written again in full when the file is
     * resumed from its journal) and the file stays in the inbox; the route rolls the exchange back.
     */
    public void stopped(Exchange exchange) throws IOException {
        FileLoad load = exchange.getProperty(FileLoad.PROPERTY, FileLoad.class);
        if (load != null) {
            try {
                load.journal().stopped();
            } catch (JournalUnavailableException e) {
                LOG.warn("{}: cannot journal that it was left on purpose ({})", load.file().relativePath(), e.getMessage());
            }
            load.close();
        }
        IntakeFile file = exchange.getProperty(IntakeFile.class.getName(), IntakeFile.class);
        run.fileStopped(file != null ? file.relativePath()
                : exchange.getMessage().getHeader("CamelFileRelativePath", String.class));
        LOG.info("{}", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage());
    }

    /** The file cannot be read as a contact list: the original and the reason go to error/. */
    public void unreadable(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        IntakeFile file = intake.identify(exchange);
        LOG.warn("Cannot load {}: {} -> {}", file.relativePath(), LogSafe.mask(cause.getMessage()), error);
        moveToError(exchange, file, cause.getMessage());
    }

    /**
     * Something unexpected stopped the file part-way. The rows settled so far keep their outcome
     * (their rejected and retry files are written); the original goes to error/ with the reason.
     */
    public void failed(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        IntakeFile file = intake.identify(exchange);
        LOG.error("Failed to load {} -> {}", file.relativePath(), error, cause);
        moveToError(exchange, file, "unexpected error: " + cause);
    }

    /**
     * The rows' outcomes in the metrics; for a file read again after it grew, only what its earlier
     * report had not counted (counters only go up: an outcome that changed stays counted as it was).
     */
    private void countRows(FileReport report, JsonNode counted) {
        JsonNode before = counted == null ? MissingNode.getInstance() : counted;
        metrics.rows("accepted", null, report.accepted() - before.path("accepted").asLong());
        report.reasons().forEach((reason, count) -> metrics.rows("rejected", reason,
                count - before.path("reasons").path(reason).asLong()));
        metrics.rows("retry", null, report.pendingRetry() - before.path("pending_retry").asLong());
    }

    /** Where the file endpoint moves the original when the exchange completes; its ready marker goes now. */
    private void archiveTo(Exchange exchange, IntakeFile file, Path original) throws IOException {
        exchange.setProperty(ARCHIVE_TO, original.toString());
        marker.remove(file.path());
    }

    private void moveToError(Exchange exchange, IntakeFile file, String reason) throws IOException {
        Path original = error.resolve(file.archiveName());
        FileError record = FileErrors.record(exchange.getProperty(FileLoad.PROPERTY, FileLoad.class), file, reason,
                original);
        Path errorFile = error.resolve(file.stem() + OutputNames.ERROR);
        AtomicFiles.write(errorFile, json.writeValueAsBytes(record));
        archiveTo(exchange, file, original);
        run.fileFailed();
        notifications.failed(file.relativePath(), reason, errorFile.toString());
    }
}
