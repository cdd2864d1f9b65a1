package ai.truedy.loader.files;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.batching.FileRows;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.FilesInFlight;
import ai.truedy.loader.reporting.PreviewSummary;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.SentRecorder;

/**
 * One file being loaded: its open rows, how rows become contacts, the ledger where every row's
 * outcome is written down, its batches in flight and its journal. It hands each stage only what
 * that stage needs: batching gets {@link #rows()}, delivery gets {@link #origin()}, whose settled
 * batches go to the journal, then the ledger, the numbers to remember and (a preview) its summary,
 * then the count in flight.
 */
final class FileLoad implements Closeable {

    private final IntakeFile file;
    private final RowSource source;
    private final ContactRows contacts;
    private final FileLedger ledger;
    private final BatchesInFlight inFlight;
    private final FileJournal journal;
    private final FileJournal.Tail tail;
    private final int batchSize;
    private final SentRecorder sent;
    private final PreviewSummary summary;
    private final JournalFirst keeper;
    private final FilesInFlight loading;
    private final BatchOrigin origin;

    /**
     * Where a file starts from.
     *
     * @param journal   its journal: the batches settled before, if any
     * @param tail      when the file grew after it was archived, its last row as read then, without a
     *                  line break after it; null otherwise
     * @param batchSize contacts per batch: the size the file was started with
     */
    record Start(FileJournal journal, FileJournal.Tail tail, int batchSize) {
    }

    /**
     * Who hears of the file: of each settled batch, after the journal, and of how far along it is.
     *
     * @param ledger  where every row's outcome is written down
     * @param sent    collects the numbers accepted, to be remembered once the file is done
     * @param summary a preview's summary of the file; null for a load
     * @param loading the files being loaded now, which the console shows
     */
    record Listeners(FileLedger ledger, SentRecorder sent, PreviewSummary summary, FilesInFlight loading) {
    }

    FileLoad(IntakeFile file, ContactFiles.Opened opened, BatchesInFlight inFlight, Start start, Listeners listeners) {
        this.file = file;
        this.source = opened.source();
        this.contacts = opened.contacts();
        this.ledger = listeners.ledger();
        this.inFlight = inFlight;
        this.journal = start.journal();
        this.tail = start.tail();
        this.batchSize = start.batchSize();
        this.sent = listeners.sent();
        this.summary = listeners.summary();
        this.loading = listeners.loading();
        loading.loading(file.relativePath(), file.folderBatchCallId(), opened.priority(),
                () -> ledger.progress(source.fractionRead()));
        BatchListener afterJournal = summary == null ? BatchListener.all(ledger, sent)
                : BatchListener.all(ledger, sent, summary);
        this.keeper = new JournalFirst(file.relativePath(), journal, afterJournal, ledger, inFlight);
        this.origin = new BatchOrigin(file.relativePath(),
                batch -> journal.settledBefore(batch.batchCallId(), batch.sequence(), batch.firstRow(), batch.lastRow()),
                keeper, keeper::held, opened.priority());
    }

    IntakeFile file() {
        return file;
    }

    RowSource source() {
        return source;
    }

    ContactRows contacts() {
        return contacts;
    }

    FileLedger ledger() {
        return ledger;
    }

    BatchesInFlight inFlight() {
        return inFlight;
    }

    FileJournal journal() {
        return journal;
    }

    SentRecorder sent() {
        return sent;
    }

    /** A preview's summary; null for a load. */
    PreviewSummary summary() {
        return summary;
    }

    JournalFirst keeper() {
        return keeper;
    }

    FileRows rows() {
        return new FileRows(file.relativePath(), source, contacts, ledger, inFlight, this::sentAsItThenRead, batchSize);
    }

    /** Where delivery finds what it learns of the file's batches, and tells each settled one. */
    BatchOrigin origin() {
        return origin;
    }

    /**
     * The cut last row of a file that then grew, sent as it was cut and now completed otherwise: it
     * is not sent twice, and the reason says why.
     */
    private String sentAsItThenRead(SourceRow row) {
        boolean completedDifferently = tail != null && row.number() == tail.row()
                && !tail.values().equals(List.of(row.values())) && journal.settledBefore(row.number());
        return completedDifferently ? "when the file was archived this row had no line break after it and was read as "
                + List.of(tail.values()) + ", and sent; the file then grew and the row now reads " + List.of(row.values())
                + ": it is not sent twice" : null;
    }

    /** Its report is written: it is no longer among the files being loaded. */
    void reported() {
        loading.finished(file.relativePath());
    }

    /** Lets go of the rows, the scratch table of numbers and the journal. */
    @Override
    public void close() throws IOException {
        loading.finished(file.relativePath());
        source.close();
        contacts.close();
        journal.close();
    }
}
