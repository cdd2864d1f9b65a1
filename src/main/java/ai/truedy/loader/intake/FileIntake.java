package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import ai.truedy.loader.LoaderRun;
import ai.truedy.loader.contacts.ColumnMap;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.delivery.SendOrder;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.FileReports;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.FileJournals;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a file the inbox route picked up: gives it a unique output stem, opens its rows, maps its
 * header, and settles which batch call its rows belong to when they do not say.
 */
public final class FileIntake {

    /** The exchange property set, instead of a {@link FileLoad}, for content loaded already. */
    public static final String DUPLICATE_OF = "loaderDuplicateOf";

    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

    private final CsvSettings csv;
    private final int concurrency;
    private final OutputNames names;
    private final PhoneNormalizer phones;
    private final String defaultBatchCallId;
    private final Path error;
    private final int maxRounds;
    private final FileJournals journals;
    private final LoaderRun run;

    public FileIntake(CsvSettings csv, int concurrency, OutputNames names, PhoneNormalizer phones,
                      String defaultBatchCallId, Path error, int maxRounds, FileJournals journals, LoaderRun run) {
        this.journals = journals;
        this.run = run;
        this.csv = csv;
        this.concurrency = concurrency;
        this.names = names;
        this.phones = phones;
        this.defaultBatchCallId = defaultBatchCallId;
        this.error = error;
        this.maxRounds = maxRounds;
    }

    /**
     * Opens the file in the exchange and leaves a {@link FileLoad} on it for the rest of the route;
     * or, for content loaded already within the duplicate window, leaves the earlier load's journal
     * under {@value #DUPLICATE_OF} instead.
     */
    public void open(Exchange exchange) throws IOException, UnreadableFileException {
        IntakeFile file = identify(exchange);
        RetryRound round = RetryRound.of(file.path().getFileName().toString());
        FileJournal journal = journals.of(file.path(), round.round() > 0);
        FileJournal.Status status = journal.status(journals.duplicateWindow());
        if (status == FileJournal.Status.DUPLICATE) {
            LOG.info("Not loading {}: the same content was loaded as {} at {}", file.relativePath(),
                    journal.previousStart().file(), journal.previousDone().finishedAt());
            exchange.setProperty(DUPLICATE_OF, journal);
            return;
        }
        if (status == FileJournal.Status.RESUME) {
            file = file.withStem(journal.previousStart().stem());
            exchange.setProperty(IntakeFile.class.getName(), file);
            LOG.info("Resuming {}: {} batches were settled before the loader stopped", file.relativePath(),
                    journal.settledCount());
        } else {
            LOG.info("Loading {}{}", file.relativePath(),
                    file.folderBatchCallId().isEmpty() ? "" : " for batch call " + file.folderBatchCallId());
        }
        CsvSource source = CsvSource.open(file.path(), csv.charset(), csv.delimiter());
        ColumnMap columns = ColumnMap.of(source.header()).orElse(null);
        if (columns == null) {
            source.close();
            throw new UnreadableFileException("no phone column: the header has " + source.header()
                    + "; a phone column may be named any of " + ColumnMap.acceptedPhoneNames()
                    + " (case, spaces, '_', '-' and '.' do not matter)");
        }
        String fallbackBatchCallId = file.folderBatchCallId().isEmpty() ? defaultBatchCallId : file.folderBatchCallId();
        Path retryFile;
        if (status == FileJournal.Status.RESUME) {
            retryFile = Path.of(journal.previousStart().retryFile());
            journal.resume();
        } else {
            retryFile = names.retryFile(round);
            journal.begin(new FileJournal.Start(file.relativePath(), file.stem(), retryFile.toString(),
                    file.startedAt().toString()));
        }
        FileLedger ledger = new FileLedger(file.relativePath(), file.startedAt(), source.header(),
                columns.batchCallId(), error.resolve(file.stem() + FileReports.REJECTED), retryFile,
                error.resolve(file.stem() + FileReports.WARNINGS), round.round(), maxRounds);
        exchange.setProperty(FileLoad.PROPERTY,
                new FileLoad(file, source, new ContactRows(columns, phones, fallbackBatchCallId, journals.scratchFolder()), ledger,
                        new BatchesInFlight(concurrency), new SendOrder(), ConcurrentHashMap.newKeySet(), journal));
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
        IntakeFile file = new IntakeFile(path, relative, names.reserve(base, extension), extension, folder,
                Instant.now());
        exchange.setProperty(IntakeFile.class.getName(), file);
        run.fileStarted();
        return file;
    }
}
