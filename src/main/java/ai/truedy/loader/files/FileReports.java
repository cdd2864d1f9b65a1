package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.ReadContent;
import ai.truedy.loader.model.AtomicFiles;
import ai.truedy.loader.model.LogSafe;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.reporting.FileError;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.JournalUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the outcome of a file: its report, its rejected and retry rows, and where the original
 * goes, as its {@link FileOutcomes} say: a load's, or a preview's. The original itself is moved by
 * the file endpoint when the exchange completes, to {@link TakenFile#getArchiveTo()}.
 */
public final class FileReports {

    private static final Logger LOG = LoggerFactory.getLogger(FileReports.class);
    private static final ObjectMapper READER = new ObjectMapper();

    private final ObjectWriter json;
    private final FileIntake intake;
    private final FileOutcomes outcomes;
    private final LoaderRun run;

    public FileReports(ObjectWriter json, FileIntake intake, FileOutcomes outcomes, LoaderRun run) {
        this.json = json;
        this.intake = intake;
        this.outcomes = outcomes;
        this.run = run;
    }

    /** Every row is settled: the report is written, and the original goes to done/. */
    public void complete(@ExchangeProperty(TakenFile.PROPERTY) TakenFile taken) throws IOException {
        FileLoad load = taken.load();
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
        load.ledger().routed(load.contacts().routed());
        load.contacts().close();
        IntakeFile file = taken.file();
        Path original = outcomes.original(file, true);
        Path reportFile = outcomes.reportFile(file);
        FileReport closed = load.ledger().close(Instant.now(), original.toString(), reportFile.toString());
        FileReport report = outcomes.asWritten(Approvals.of(file.path()).map(approval -> closed.approvedBy(approval.by(),
                approval.at())).orElse(closed));
        if (report.rows() != report.accepted() + report.rejected() + report.pendingRetry()) {
            LOG.error("{}: rows do not add up ({} rows, {} accepted, {} rejected, {} pending retry); this is a bug",
                    file.relativePath(), report.rows(), report.accepted(), report.rejected(), report.pendingRetry());
        }
        boolean countedBefore = load.journal().isRegrown() && Files.exists(reportFile);
        JsonNode counted = countedBefore ? READER.readTree(reportFile.toFile()) : null;
        AtomicFiles.write(reportFile, out -> json.writeValue(out, report));
        load.reported();
        FileJournal.Tail tail = lastRow == null ? null : new FileJournal.Tail(lastRow.number(), List.of(lastRow.values()));
        load.journal().complete(new FileJournal.Done(reportFile.toString(), report.finishedAt(), original.toString(),
                content.length(), content.headSha256(), tail), intake.journalKey(content.digest(), file));
        outcomes.finished(taken, load, report, counted);
    }

    /**
     * The same content was loaded within the duplicate window: nothing is sent, and the report names
     * the earlier file and its report, where its rows are accounted for.
     */
    public void duplicate(@ExchangeProperty(TakenFile.PROPERTY) TakenFile taken) throws IOException {
        IntakeFile file = taken.file();
        FileJournal earlier = taken.duplicateOf();
        Path reportFile = outcomes.reportFile(file);
        FileReport report = outcomes.asWritten(FileReport.duplicate(file.relativePath(), earlier.previousStart().file(),
                file.startedAt().toString(), outcomes.original(file, true).toString(), reportFile.toString()));
        AtomicFiles.write(reportFile, out -> json.writeValue(out, report));
        outcomes.skipped(taken, earlier, report);
    }

    /**
     * The loader is stopping in the middle of the file (the batches in flight have been settled and
     * journaled), or, in a cluster, its journal cannot be kept: its outputs so far are dropped (they
     * are written again in full when the file is resumed from its journal) and the file stays in the
     * inbox; the route rolls the exchange back.
     */
    public void stopped(@ExchangeProperty(TakenFile.PROPERTY) TakenFile taken,
                        @Header("CamelFileRelativePath") String relativePath,
                        @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) throws IOException {
        FileLoad load = taken == null ? null : taken.load();
        if (load != null) {
            try {
                load.journal().stopped();
            } catch (JournalUnavailableException e) {
                LOG.warn("{}: cannot journal that it was left on purpose ({})", load.file().relativePath(), e.getMessage());
            }
            load.close();
        }
        run.fileStopped(taken != null ? taken.file().relativePath() : relativePath);
        LOG.info("{}", cause.getMessage());
    }

    /** The file cannot be read as a contact list: the original and the reason go to error/. */
    public void unreadable(@ExchangeProperty(TakenFile.PROPERTY) TakenFile taken,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) throws IOException {
        LOG.warn("Cannot {} {}: {} -> {}", outcomes.verb(), taken.file().relativePath(), LogSafe.mask(cause.getMessage()),
                outcomes.errorFile(taken.file()).getParent());
        setAside(taken, LogSafe.mask(cause.getMessage()));
    }

    /**
     * Something unexpected stopped the file part-way. The rows settled so far keep their outcome
     * (their rejected and retry files are written); the original goes to error/ with the reason.
     */
    public void failed(@ExchangeProperty(TakenFile.PROPERTY) TakenFile taken,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) throws IOException {
        LOG.error("Failed to {} {} -> {}", outcomes.verb(), taken.file().relativePath(),
                outcomes.errorFile(taken.file()).getParent(), cause);
        setAside(taken, "unexpected error: " + LogSafe.mask(String.valueOf(cause)));
    }

    private void setAside(TakenFile taken, String reason) throws IOException {
        IntakeFile file = taken.file();
        FileError record = FileErrors.record(taken.load(), file, reason, outcomes.original(file, false));
        Path errorFile = outcomes.errorFile(file);
        AtomicFiles.write(errorFile, json.writeValueAsBytes(record));
        outcomes.failed(taken, reason, errorFile);
    }
}
