package ai.truedy.loader.intake;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;

import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.delivery.SendOrder;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.state.FileJournal;

/**
 * Everything the routes carry for the file being loaded: where it came from, its open rows,
 * how rows become contacts, the ledger where every row's outcome is written down, its batches in
 * flight, and the batch calls the API said do not exist (their later rows are
 * rejected without asking again), and its journal.
 */
public record FileLoad(IntakeFile file, CsvSource source, ContactRows contacts, FileLedger ledger,
                       BatchesInFlight inFlight, SendOrder sendOrder, Set<String> notFoundBatchCalls,
                       FileJournal journal)
        implements Closeable {

    /** The exchange property the routes keep it under. */
    public static final String PROPERTY = "loaderFileLoad";

    @Override
    public void close() throws IOException {
        source.close();
        contacts.close();
        journal.close();
    }
}
