package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.observability.LoaderMetrics;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.Notifications;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.reporting.PreviewSummary;
import ai.truedy.loader.state.FileJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load's outcomes: outputs in done/, error/ and retry/ under names no earlier file used, the
 * original moved to done/ or error/ when the exchange completes (with its ready marker), the
 * journal completed, the numbers accepted remembered, the settle watch, the metrics and the
 * notifications told.
 */
public final class LoadOutcomes implements FileOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(FileReports.class);

    /**
     * Who is told of a file's end besides the run.
     *
     * @param metrics       the rows' outcomes
     * @param notifications each file finished or set aside in error/ ({@code loader.notify.url})
     * @param settleWatch   each file archived in done/, by its journal
     * @param marker        the ready markers, removed with their files
     */
    public record Told(LoaderMetrics metrics, Notifications notifications, Consumer<FileJournal> settleWatch,
                       ReadyMarker marker) {
    }

    private final OutputNames names;
    private final Path done;
    private final Path error;
    private final LoaderRun run;
    private final LoaderMetrics metrics;
    private final Consumer<FileJournal> archived;
    private final ReadyMarker marker;
    private final Notifications notifications;

    /** @param names the outputs' names, unique among those of every earlier file */
    public LoadOutcomes(OutputNames names, Path done, Path error, LoaderRun run, Told told) {
        this.names = names;
        this.done = done;
        this.error = error;
        this.run = run;
        this.metrics = told.metrics();
        this.archived = told.settleWatch();
        this.marker = told.marker();
        this.notifications = told.notifications();
    }

    @Override
    public String verb() {
        return "load";
    }

    @Override
    public String stem(String base, String extension) {
        return names.reserve(base, extension);
    }

    @Override
    public Path retryFile(IntakeFile file, RetryRound round) {
        return names.retryFile(round);
    }

    @Override
    public Path retryFileOfEarlierLoad(String journaled) {
        return names.inRetry(journaled); // wherever this instance mounts retry/
    }

    @Override
    public Path rejectedFile(IntakeFile file) {
        return error.resolve(file.stem() + OutputNames.REJECTED);
    }

    @Override
    public Path warningsFile(IntakeFile file) {
        return error.resolve(file.stem() + OutputNames.WARNINGS);
    }

    @Override
    public Path reportFile(IntakeFile file) {
        return done.resolve(file.stem() + OutputNames.REPORT);
    }

    @Override
    public Path errorFile(IntakeFile file) {
        return error.resolve(file.stem() + OutputNames.ERROR);
    }

    @Override
    public Path original(IntakeFile file, boolean loaded) {
        return (loaded ? done : error).resolve(file.archiveName());
    }

    @Override
    public PreviewSummary summary() {
        return null;
    }

    @Override
    public FileReport asWritten(FileReport report) {
        return report;
    }

    @Override
    public void finished(TakenFile taken, FileLoad load, FileReport report, JsonNode countedBefore) throws IOException {
        IntakeFile file = taken.file();
        load.sent().fileDone(Instant.parse(report.finishedAt()));
        archive(taken, report.outputs().original());
        archived.accept(load.journal());
        run.fileLoaded(report);
        countRows(report, countedBefore);
        notifications.finished(report);
        LOG.info("Finished {} in {} ms: {} rows, {} accepted, {} rejected, {} pending retry -> {}",
                file.relativePath(), Duration.between(file.startedAt(), Instant.now()).toMillis(), report.rows(),
                report.accepted(), report.rejected(), report.pendingRetry(), report.outputs().report());
    }

    @Override
    public void skipped(TakenFile taken, FileJournal earlier, FileReport report) throws IOException {
        archive(taken, report.outputs().original());
        run.fileLoaded(report);
        notifications.finished(report);
        LOG.info("Skipped {}: same content as {} (report {}), loaded at {} -> {}", taken.file().relativePath(),
                earlier.previousStart().file(), earlier.previousDone().report(), earlier.previousDone().finishedAt(),
                report.outputs().report());
    }

    @Override
    public void failed(TakenFile taken, String reason, Path errorFile) throws IOException {
        archive(taken, original(taken.file(), false).toString());
        run.fileFailed();
        notifications.failed(taken.file().relativePath(), reason, errorFile.toString());
    }

    /** Where the file endpoint moves the original when the exchange completes; its ready marker goes now. */
    private void archive(TakenFile taken, String original) throws IOException {
        taken.moveTo(original);
        marker.remove(taken.file().path());
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
}
