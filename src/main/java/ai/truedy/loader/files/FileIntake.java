package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.batching.FileRows;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.intake.UnreadableFileException;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.state.SentRecorder;
import ai.truedy.loader.state.StateStore;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a file the inbox route picked up: gives it a unique output stem, opens its rows, maps its
 * header, and settles which batch call its rows belong to when they do not say.
 */
public final class FileIntake {

    /** The exchange property set, instead of a file load, for content loaded already. */
    public static final String DUPLICATE_OF = "loaderDuplicateOf";

    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

    private final ContactFiles files;
    private final int concurrency;
    private final OutputNames names;
    private final Path error;
    private final int maxRounds;
    private final StateStore journals;
    private final LoaderRun run;
    private final int maxCrashesPerFile;
    private final int batchSize;
    private final SentMemory sent;

    /**
     * @param files             how a file is read into contacts
     * @param maxCrashesPerFile {@code loader.max-crashes-per-file}
     * @param batchSize         {@code truedy.batch-size} for a file started now; a resumed file keeps its own
     * @param sent              where the numbers a file had accepted are remembered once it is done
     */
    public FileIntake(ContactFiles files, int concurrency, OutputNames names, Path error, int maxRounds,
                      StateStore journals, LoaderRun run, int maxCrashesPerFile, int batchSize, SentMemory sent) {
        this.files = files;
        this.sent = sent;
        this.batchSize = batchSize;
        this.maxCrashesPerFile = maxCrashesPerFile;
        this.journals = journals;
        this.run = run;
        this.concurrency = concurrency;
        this.names = names;
        this.error = error;
        this.maxRounds = maxRounds;
    }

    /**
     * Opens the file in the exchange and leaves what the rest of the route needs on it: the rows for
     * batching, the origin for delivery, the whole load for the report;
     * or, for content loaded already within the duplicate window, leaves the earlier load's journal
     * under {@value #DUPLICATE_OF} instead.
     */
    public void open(Exchange exchange) throws IOException, UnreadableFileException {
        IntakeFile file = identify(exchange);
        RetryRound round = RetryRound.of(file.path().getFileName().toString());
        FileJournal journal = journals.journal(file.path(), round.round() > 0, file.relativePath());
        try {
            if (!load(exchange, file, round, journal)) {
                journal.close(); // lets go of it: nothing more is written
            }
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Leaves the file's load on the exchange; returns false, and loads nothing, for a duplicate. */
    private boolean load(Exchange exchange, IntakeFile file, RetryRound round, FileJournal journal)
            throws IOException, UnreadableFileException {
        FileJournal.Status status = journal.status(journals.duplicateWindow());
        if (status == FileJournal.Status.DUPLICATE) {
            LOG.info("Not loading {}: the same content was loaded as {} at {}", file.relativePath(),
                    journal.previousStart().file(), journal.previousDone().finishedAt());
            exchange.setProperty(DUPLICATE_OF, journal);
            return false;
        }
        boolean goesOn = status == FileJournal.Status.RESUME || status == FileJournal.Status.EXTEND;
        if (goesOn) {
            file = file.withStem(journal.previousStart().stem());
            exchange.setProperty(IntakeFile.class.getName(), file);
        }
        if (status == FileJournal.Status.RESUME) {
            refuseIfItKeepsCrashing(file, journal);
            LOG.info("Resuming {}: {} batches were settled before the loader stopped", file.relativePath(),
                    journal.settledCount());
        } else if (status == FileJournal.Status.EXTEND) {
            LOG.info("Reading {} again, as it is longer now than when it was archived; the {} batches settled"
                    + " before are not sent again", file.relativePath(), journal.settledCount());
        } else {
            LOG.info("Loading {}{}", file.relativePath(),
                    file.folderBatchCallId().isEmpty() ? "" : " for batch call " + file.folderBatchCallId());
        }
        ContactFiles.Opened opened = files.open(file, journals.scratchFolder());
        RowSource source = opened.source();
        Path retryFile;
        boolean retryRowsWritten = false;
        if (goesOn) {
            retryFile = names.inRetry(journal.previousStart().retryFile()); // wherever this instance mounts retry/
            if (status == FileJournal.Status.EXTEND && !Files.exists(retryFile)) {
                // the earlier load's retry rows have been re-driven already: only new ones go to a new file
                retryFile = names.retryFile(round);
                retryRowsWritten = true;
            }
            journal.resume(status == FileJournal.Status.RESUME && !journal.stoppedOnPurpose());
        } else {
            retryFile = names.retryFile(round);
            journal.begin(new FileJournal.Start(file.relativePath(), file.stem(), retryFile.toString(),
                    file.startedAt().toString(), Files.size(file.path()), batchSize));
        }
        FileLedger ledger = new FileLedger(file.relativePath(), file.startedAt(), source.header(),
                opened.columns().batchCallId(), error.resolve(file.stem() + OutputNames.REJECTED), retryFile,
                error.resolve(file.stem() + OutputNames.WARNINGS), round.round(), maxRounds, retryRowsWritten);
        FileJournal.Tail tail = status == FileJournal.Status.EXTEND ? journal.previousDone().tail() : null;
        Integer startedWith = journal.previousStart().batchSize();
        FileLoad load = new FileLoad(file, source, opened.contacts(), ledger, new BatchesInFlight(concurrency), journal,
                tail, startedWith == null ? batchSize : startedWith, new SentRecorder(sent, file.stem(), file.relativePath()));
        exchange.setProperty(FileLoad.PROPERTY, load);
        exchange.setProperty(FileRows.PROPERTY, load.rows());
        exchange.setProperty(BatchOrigin.PROPERTY, load.origin(opened.priority()));
        return true;
    }

    /**
     * A file whose loading killed the process would otherwise crash every start: after
     * {@code loader.max-crashes-per-file} starts in a row that found it interrupted with no batch
     * settled in between, it is set aside in error/.
     */
    private void refuseIfItKeepsCrashing(IntakeFile file, FileJournal journal) throws IOException, UnreadableFileException {
        if (journal.stoppedOnPurpose()) {
            return;
        }
        int crashes = journal.crashesWithoutProgress() + 1;
        if (crashes < maxCrashesPerFile) {
            return;
        }
        journal.stopped(); // dropped again, it is tried afresh, its settled batches still not re-sent
        throw new UnreadableFileException("the loader stopped without finishing this file " + crashes
                + " times in a row (a crash or kill), with no batch settled in between; it is set aside so that it"
                + " does not stop the loader again (loader.max-crashes-per-file = " + maxCrashesPerFile + "). "
                + journal.settledCount() + " batches were settled before; dropped again, the file is resumed"
                + " without sending them again");
    }

    /** The key the file's journal is known by once it is done: everything read, for its batch call. */
    String journalKey(MessageDigest contentRead, IntakeFile file) {
        return journals.keyOf(contentRead, file.path(), RetryRound.of(file.path().getFileName().toString()).round() > 0,
                file.relativePath());
    }

    /** The file in the exchange with its unique stem, reserved once ({@link ContactFiles#picked}). */
    public IntakeFile identify(Exchange exchange) {
        return ContactFiles.picked(exchange, run, names::reserve);
    }
}
