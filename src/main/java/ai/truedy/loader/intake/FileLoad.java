package ai.truedy.loader.intake;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.delivery.SendOrder;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.SettledBatch;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.state.FileJournal;

/**
 * Everything the routes carry for the file being loaded: where it came from, its open rows,
 * how rows become contacts, the ledger where every row's outcome is written down, its batches in
 * flight, and the batch calls the API said do not exist (their later rows are
 * rejected without asking again), and its journal. {@code tail} is, when the file grew after it was
 * archived, its last row as read then, without a line break after it (null otherwise).
 */
public record FileLoad(IntakeFile file, CsvSource source, ContactRows contacts, FileLedger ledger,
                       BatchesInFlight inFlight, SendOrder sendOrder, Set<String> notFoundBatchCalls,
                       FileJournal journal, FileJournal.Tail tail)
        implements BatchOrigin, Closeable {

    /** The exchange property the routes keep it under: the one where the send route finds the origin of a batch. */
    public static final String PROPERTY = BatchOrigin.PROPERTY;

    @Override
    public String name() {
        return file.relativePath();
    }

    @Override
    public List<SettledBatch> settledBefore(Batch batch) {
        return journal.settledBefore(batch.batchCallId(), batch.sequence(), batch.firstRow(), batch.lastRow());
    }

    @Override
    public boolean isNotFound(String batchCallId) {
        return notFoundBatchCalls.contains(batchCallId);
    }

    @Override
    public void notFound(String batchCallId) {
        notFoundBatchCalls.add(batchCallId);
    }

    @Override
    public void rejectedByApi(Ready item, String reason) {
        ledger.reject(item.row(), RejectReason.API_VALIDATION, reason);
    }

    @Override
    public void remember(SettledBatch settled) {
        journal.record(settled);
    }

    /** Counted in the ledger, and room for the file's next batch. */
    @Override
    public void settled(Batch batch, BatchOutcome outcome, int attempts, boolean replayed) {
        ledger.settle(batch, outcome, attempts, replayed);
    }

    /** Room for the file's next batch. */
    @Override
    public void delivered(Batch batch) {
        inFlight.settled();
    }

    @Override
    public void close() throws IOException {
        source.close();
        contacts.close();
        journal.close();
    }
}
