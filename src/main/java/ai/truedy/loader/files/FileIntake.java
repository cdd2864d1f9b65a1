package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.batching.FileRows;
import ai.truedy.loader.contacts.ColumnMap;
import ai.truedy.loader.contacts.ColumnMapping;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.contacts.DoNotCall;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.intake.CsvSettings;
import ai.truedy.loader.intake.CsvSource;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.intake.RowSources;
import ai.truedy.loader.intake.UnreadableFileException;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.StateStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
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

    private final RowSources sources;
    private final int concurrency;
    private final OutputNames names;
    private final PhoneNormalizer phones;
    private final String defaultBatchCallId;
    private final Path error;
    private final int maxRounds;
    private final StateStore journals;
    private final LoaderRun run;
    private final int maxCrashesPerFile;
    private final FileColumns fileColumns;
    private final int batchSize;
    private final DoNotCall doNotCall;

    /**
     * @param settleTime        {@code loader.settle-time}: a file's end is its end once it was unchanged this long
     * @param maxCrashesPerFile {@code loader.max-crashes-per-file}
     * @param columns           the {@code loader.columns.*} mapping, which a folder's own may override
     * @param batchSize         {@code truedy.batch-size} for a file started now; a resumed file keeps its own
     * @param doNotCall         the do-not-call lists ({@code loader.dnc.dir})
     */
    public FileIntake(CsvSettings csv, int concurrency, OutputNames names, PhoneNormalizer phones,
                      String defaultBatchCallId, Path error, int maxRounds, StateStore journals, LoaderRun run,
                      Duration settleTime, int maxCrashesPerFile, ColumnMapping columns, int batchSize,
                      DoNotCall doNotCall) {
        this.batchSize = batchSize;
        this.doNotCall = doNotCall;
        this.fileColumns = new FileColumns(columns, phones);
        this.sources = new RowSources(csv, new CsvSource.Settling(settleTime, run::isStopping));
        this.maxCrashesPerFile = maxCrashesPerFile;
        this.journals = journals;
        this.run = run;
        this.concurrency = concurrency;
        this.names = names;
        this.phones = phones;
        this.defaultBatchCallId = defaultBatchCallId;
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
        FileJournal.Status status = journal.status(journals.duplicateWindow());
        if (status == FileJournal.Status.DUPLICATE) {
            LOG.info("Not loading {}: the same content was loaded as {} at {}", file.relativePath(),
                    journal.previousStart().file(), journal.previousDone().finishedAt());
            exchange.setProperty(DUPLICATE_OF, journal);
            return;
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
        RowSource source = sources.open(file.path());
        ColumnMap columns;
        try {
            columns = fileColumns.of(file, source);
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            source.close();
            throw e;
        }
        String fallbackBatchCallId = file.folderBatchCallId().isEmpty() ? defaultBatchCallId : file.folderBatchCallId();
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
                columns.batchCallId(), error.resolve(file.stem() + OutputNames.REJECTED), retryFile,
                error.resolve(file.stem() + OutputNames.WARNINGS), round.round(), maxRounds, retryRowsWritten);
        FileJournal.Tail tail = status == FileJournal.Status.EXTEND ? journal.previousDone().tail() : null;
        Integer startedWith = journal.previousStart().batchSize();
        FileLoad load = new FileLoad(file, source, new ContactRows(columns, phones, fallbackBatchCallId,
                journals.scratchFolder(), doNotCall), ledger, new BatchesInFlight(concurrency), journal, tail,
                startedWith == null ? batchSize : startedWith);
        exchange.setProperty(FileLoad.PROPERTY, load);
        exchange.setProperty(FileRows.PROPERTY, load.rows());
        exchange.setProperty(BatchOrigin.PROPERTY, load.origin());
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

    /**
     * The file in the exchange with its unique stem; reserved once, then kept on the exchange. The
     * run counts the file as in progress from then until it is reported.
     */
    public IntakeFile identify(Exchange exchange) {
        IntakeFile known = exchange.getProperty(IntakeFile.class.getName(), IntakeFile.class);
        if (known != null) {
            return known;
        }
        Message message = exchange.getMessage();
        Path path = Path.of(message.getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        String relative = message.getHeader("CamelFileRelativePath", path.getFileName().toString(), String.class)
                .replace('\\', '/');
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        int slash = relative.indexOf('/');
        String folder = slash > 0 ? relative.substring(0, slash) : "";
        run.fileStarted(); // first: a stem that cannot be reserved (cluster database away) leaves the file, and ends it
        IntakeFile file = new IntakeFile(path, relative, names.reserve(base, extension), extension, folder,
                Instant.now());
        exchange.setProperty(IntakeFile.class.getName(), file);
        return file;
    }
}
