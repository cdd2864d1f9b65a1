package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import ai.truedy.loader.contacts.ColumnMap;
import ai.truedy.loader.contacts.ColumnMapping;
import ai.truedy.loader.contacts.ZoneRouting;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.contacts.DoNotCall;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.contacts.SentBefore;
import ai.truedy.loader.intake.CsvSettings;
import ai.truedy.loader.intake.CsvSource;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.intake.RowSources;
import ai.truedy.loader.intake.UnreadableFileException;
import ai.truedy.loader.intake.WholeFiles;
import ai.truedy.loader.state.SentMemory;

/**
 * How a file in the inbox is read into contacts, the same for a load and for a preview: its rows,
 * which columns hold what, and how a row becomes a contact (phone numbers, duplicates within the
 * file, do-not-call lists, numbers the batch call already has, the batch call its rows belong to
 * when they do not say).
 */
public final class ContactFiles {

    private final RowSources sources;
    private final FileColumns fileColumns;
    private final PhoneNormalizer phones;
    private final String defaultBatchCallId;
    private final DoNotCall doNotCall;
    private final int priority;
    private final ZoneRouting byZone;
    private final Sent sent;

    /**
     * The numbers each batch call already has ({@code loader.sent-memory}), and how long back a
     * file's rows look in them: {@code window}, or its folder's own ({@code .loader.properties}),
     * zero for none ({@code --resend}).
     */
    public record Sent(SentMemory memory, Duration window) {
    }

    /**
     * @param settleTime         {@code loader.settle-time}: a file's end is its end once it was unchanged this long
     * @param columns            the {@code loader.columns.*} mapping, which a folder's own may override
     * @param defaultBatchCallId {@code truedy.batch-call-id}
     * @param priority           {@code loader.priority}, which a folder's own may override
     * @param byZone             {@code loader.by-zone.*}, which a folder's own lines replace
     */
    public record Settings(CsvSettings csv, Duration settleTime, ColumnMapping columns, String defaultBatchCallId,
                           int priority, ZoneRouting byZone) {
    }

    /**
     * @param stopping  whether the loader is stopping: a file still growing is then not waited for
     * @param doNotCall the do-not-call lists ({@code loader.dnc.dir})
     * @param sent      the numbers each batch call already has
     * @param whole     the files the loader moved into the inbox whole, read without waiting for them to settle
     */
    public ContactFiles(Settings settings, BooleanSupplier stopping, PhoneNormalizer phones, DoNotCall doNotCall, Sent sent,
                        WholeFiles whole) {
        this.priority = settings.priority();
        this.byZone = settings.byZone();
        this.sent = sent;
        this.sources = new RowSources(settings.csv(), new CsvSource.Settling(settings.settleTime(), stopping, whole));
        this.fileColumns = new FileColumns(settings.columns(), phones);
        this.phones = phones;
        this.defaultBatchCallId = settings.defaultBatchCallId();
        this.doNotCall = doNotCall;
    }

    /**
     * A file opened for reading: its rows, its columns, how its rows become contacts, and its batch
     * calls' weight when they take turns ({@code loader.priority}).
     */
    record Opened(RowSource source, ColumnMap columns, ContactRows contacts, int priority) {
    }

    /**
     * Opens the file's rows and maps its header.
     *
     * @param scratch where the numbers seen so far are kept while the file is read
     */
    Opened open(IntakeFile file, Path scratch) throws IOException, UnreadableFileException {
        FolderSettings folder = FolderSettings.of(file, priority, sent.window(), byZone);
        RowSource source = sources.open(file.path(), fileColumns.headerSearch(folder));
        ColumnMap columns;
        try {
            columns = fileColumns.of(file, source, folder);
        } catch (UnreadableFileException | RuntimeException e) {
            source.close();
            throw e;
        }
        String fallbackBatchCallId = file.folderBatchCallId().isEmpty() ? defaultBatchCallId : file.folderBatchCallId();
        Duration window = folder.sentMemory();
        Instant notBefore = Instant.now().minus(window);
        SentBefore sentBefore = window.isZero() ? SentBefore.NONE
                : (batchCallId, e164) -> sent.memory().sentBefore(batchCallId, e164, file.stem(), notBefore);
        return new Opened(source, columns, new ContactRows(columns, phones, fallbackBatchCallId, scratch, doNotCall,
                sentBefore, folder.byZone()), folder.priority());
    }
}
