package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.UnreadableFileException;
import ai.truedy.loader.model.RegularFile;
import ai.truedy.loader.model.FileName;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.FilesInFlight;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.state.SentRecorder;
import ai.truedy.loader.state.StateStore;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a file the inbox route picked up: names its outputs, finds its journal (resuming a file a
 * crash interrupted, or knowing content loaded lately), opens its rows and maps its header.
 */
public final class FileIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

    /**
     * How files are taken in.
     *
     * @param concurrency       {@code truedy.concurrency}: a file hands out one batch more than this
     * @param batchSize         {@code truedy.batch-size} for a file started now; a resumed file keeps its own
     * @param maxRounds         {@code loader.redrive.max-rounds}
     * @param maxCrashesPerFile {@code loader.max-crashes-per-file}
     */
    public record Settings(int concurrency, int batchSize, int maxRounds, int maxCrashesPerFile) {
    }

    private final ContactFiles files;
    private final StateStore journals;
    private final FileOutcomes outcomes;
    private final LoaderRun run;
    private final SentMemory sent;
    private final Settings settings;
    private final FilesInFlight loading = new FilesInFlight();

    /**
     * @param files    how a file is read into contacts
     * @param journals the journals: a load's, or a preview's, which only reads
     * @param outcomes where the file's outputs go: a load's, or a preview's
     * @param sent     where the numbers a file had accepted are remembered once it is done
     */
    public FileIntake(ContactFiles files, StateStore journals, FileOutcomes outcomes, LoaderRun run, SentMemory sent,
               Settings settings) {
        this.files = files;
        this.journals = journals;
        this.outcomes = outcomes;
        this.run = run;
        this.sent = sent;
        this.settings = settings;
    }

    /** The files being loaded now, with how far along each is. */
    public FilesInFlight loading() {
        return loading;
    }

    /**
     * The file the inbox route picked up, with the stem of its outputs. The run counts it as in
     * progress from now until it is reported.
     */
    public TakenFile take(@Header("CamelFilePath") String filePath, @Header("CamelFileRelativePath") String relativePath) {
        run.fileStarted(); // first: a stem that cannot be reserved (cluster database away) leaves the file, and ends it
        Path path = Path.of(filePath).toAbsolutePath();
        String relative = (relativePath == null ? path.getFileName().toString() : relativePath).replace('\\', '/');
        FileName name = FileName.of(path.getFileName().toString());
        int slash = relative.indexOf('/');
        String folder = slash > 0 ? relative.substring(0, slash) : "";
        return new TakenFile(new IntakeFile(path, relative, outcomes.stem(name.base(), name.extension()), name.extension(),
                folder, Instant.now()));
    }

    /**
     * Opens the file: its load, with the rows for batching and the origin for delivery; or, for
     * content loaded already within the duplicate window, the earlier load's journal instead.
     */
    public void open(@ExchangeProperty(TakenFile.PROPERTY) TakenFile taken) throws IOException, UnreadableFileException {
        IntakeFile file = taken.file();
        String notRegular = RegularFile.refusal(file.path(), folderOf(file));
        if (notRegular != null) {
            throw new UnreadableFileException(notRegular); // to error/ as it is: a link is moved, not what it points at
        }
        Files.createDirectories(outcomes.reportFile(file).getParent()); // a preview's sub-folder
        RetryRound round = RetryRound.of(file.path().getFileName().toString());
        FileJournal journal = journals.journal(file.path(), round.round() > 0, file.relativePath());
        try {
            if (!load(taken, round, journal)) {
                journal.close(); // lets go of it: nothing more is written
            }
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** The inbox folder the file was taken from: its path less its relative path. */
    private static Path folderOf(IntakeFile file) {
        Path folder = file.path();
        for (int level = file.relativePath().split("/").length; level > 0 && folder.getParent() != null; level--) {
            folder = folder.getParent();
        }
        return folder;
    }

    /** The key the file's journal is known by once it is done: everything read, for its batch call. */
    String journalKey(MessageDigest contentRead, IntakeFile file) {
        return journals.keyOf(contentRead, file.path(), RetryRound.of(file.path().getFileName().toString()).round() > 0,
                file.relativePath());
    }

    /** Opens the file's load; returns false, and loads nothing, for a duplicate. */
    private boolean load(TakenFile taken, RetryRound round, FileJournal journal) throws IOException, UnreadableFileException {
        FileJournal.Status status = journal.status(journals.duplicateWindow());
        if (status == FileJournal.Status.DUPLICATE) {
            LOG.info("Not loading {}: the same content was loaded as {} at {}", taken.file().relativePath(),
                    journal.previousStart().file(), journal.previousDone().finishedAt());
            taken.sameAs(journal);
            return false;
        }
        boolean goesOn = status == FileJournal.Status.RESUME || status == FileJournal.Status.EXTEND;
        if (goesOn) {
            taken.restem(journal.previousStart().stem());
        }
        IntakeFile file = taken.file();
        if (status == FileJournal.Status.RESUME) {
            refuseIfItKeepsCrashing(file, journal);
            LOG.info("Resuming {}: {} batches were settled before the loader stopped", file.relativePath(),
                    journal.settledCount());
        } else if (status == FileJournal.Status.EXTEND) {
            LOG.info("Reading {} again, as it is longer now than when it was archived; the {} batches settled"
                    + " before are not sent again", file.relativePath(), journal.settledCount());
        }
        ContactFiles.Opened opened;
        try {
            opened = files.open(file, journals.scratchFolder());
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            if (!goesOn) {
                logStart(file, false);
            }
            throw e;
        }
        if (!goesOn) {
            logStart(file, opened.contacts().routesByZone());
        }
        Path retryFile;
        boolean retryRowsWritten = false;
        if (goesOn) {
            retryFile = outcomes.retryFileOfEarlierLoad(journal.previousStart().retryFile());
            if (status == FileJournal.Status.EXTEND && !Files.exists(retryFile)) {
                // the earlier load's retry rows have been re-driven already: only new ones go to a new file
                retryFile = outcomes.retryFile(file, round);
                retryRowsWritten = true;
            }
            journal.resume(status == FileJournal.Status.RESUME && !journal.stoppedOnPurpose());
        } else {
            retryFile = outcomes.retryFile(file, round);
            journal.begin(new FileJournal.Start(file.relativePath(), file.stem(), retryFile.toString(),
                    file.startedAt().toString(), Files.size(file.path()), settings.batchSize()));
        }
        FileLedger ledger = new FileLedger(file.relativePath(), file.startedAt(), new FileLedger.Header(
                opened.source().header(), opened.columns().batchCallId(), opened.source().rowsAboveHeader()),
                new FileLedger.Outputs(outcomes.rejectedFile(file), retryFile,
                outcomes.warningsFile(file)), new FileLedger.Rounds(round.round(), settings.maxRounds(), retryRowsWritten));
        Integer startedWith = journal.previousStart().batchSize();
        taken.opened(new FileLoad(file, opened, new BatchesInFlight(settings.concurrency()),
                new FileLoad.Start(journal, status == FileJournal.Status.EXTEND ? journal.previousDone().tail() : null,
                        startedWith == null ? settings.batchSize() : startedWith),
                new FileLoad.Listeners(ledger, new SentRecorder(sent, file.stem(), file.relativePath()), outcomes.summary(),
                        loading)));
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
        if (crashes < settings.maxCrashesPerFile()) {
            return;
        }
        journal.stopped(); // dropped again, it is tried afresh, its settled batches still not re-sent
        throw new UnreadableFileException("the loader stopped without finishing this file " + crashes
                + " times in a row (a crash or kill), with no batch settled in between; it is set aside so that it"
                + " does not stop the loader again (loader.max-crashes-per-file = " + settings.maxCrashesPerFile()
                + "). " + journal.settledCount() + " batches were settled before; dropped again, the file is resumed"
                + " without sending them again");
    }

    /** "Loading bc_1/list.csv for batch call bc_1", or for the batch calls of its contacts' time zones. */
    private void logStart(IntakeFile file, boolean byZone) {
        String forWhom = byZone ? " for the batch calls of its contacts' time zones (loader.by-zone.*)"
                : file.folderBatchCallId().isEmpty() ? "" : " for batch call " + file.folderBatchCallId();
        LOG.info("{}ing {}{}", Character.toUpperCase(outcomes.verb().charAt(0)) + outcomes.verb().substring(1),
                file.relativePath(), forWhom);
    }
}
