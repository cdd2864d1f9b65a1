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
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.SentRecorder;

/**
 * One file being loaded, as the file route carries it: where it came from, its open rows, how rows
 * become contacts, the ledger where every row's outcome is written down, its batches in flight and
 * its journal. {@code tail} is, when the file grew after it was archived, its last row as read then,
 * without a line break after it (null otherwise). It hands each stage only what that stage needs:
 * batching gets {@link #rows()}, delivery gets {@link #origin(int)}, whose settled batches go to the
 * journal, then the ledger and the numbers to remember, then the count in flight.
 */
record FileLoad(IntakeFile file, RowSource source, ContactRows contacts, FileLedger ledger,
                BatchesInFlight inFlight, FileJournal journal, FileJournal.Tail tail, int batchSize, SentRecorder sent,
                JournalFirst keeper) implements Closeable {

    /** @param sent collects the numbers accepted, to be remembered once the file is done */
    FileLoad(IntakeFile file, RowSource source, ContactRows contacts, FileLedger ledger, BatchesInFlight inFlight,
             FileJournal journal, FileJournal.Tail tail, int batchSize, SentRecorder sent) {
        this(file, source, contacts, ledger, inFlight, journal, tail, batchSize, sent,
                new JournalFirst(file.relativePath(), journal, BatchListener.all(ledger, sent), ledger, inFlight));
    }

    /** The exchange property the file routes keep it under. */
    static final String PROPERTY = "loaderFileLoad";

    FileRows rows() {
        return new FileRows(file.relativePath(), source, contacts, ledger, inFlight, this::sentAsItThenRead, batchSize);
    }

    /** @param priority the weight of its batch calls when they take turns ({@code loader.priority}) */
    BatchOrigin origin(int priority) {
        return new BatchOrigin(file.relativePath(),
                batch -> journal.settledBefore(batch.batchCallId(), batch.sequence(), batch.firstRow(), batch.lastRow()),
                keeper, keeper::held, priority);
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

    @Override
    public void close() throws IOException {
        source.close();
        contacts.close();
        journal.close();
    }
}
