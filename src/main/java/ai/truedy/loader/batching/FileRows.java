package ai.truedy.loader.batching;

import java.util.function.Function;

import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.model.RowListener;
import ai.truedy.loader.model.SourceRow;

/**
 * A file's rows on their way into batches.
 *
 * @param name      how log lines name the file (its path in the inbox)
 * @param source    where the rows come from
 * @param contacts  how a row becomes a contact
 * @param listener  told of every row read, rejected or sent with a warning (the file's ledger)
 * @param inFlight  the file's batches handed out and not yet settled
 * @param notToSend why a row that reads well is still not sent (it was sent before as it then read), or null
 * @param batchSize contacts per batch: the size the file was started with, kept in its journal, so
 *                  that a file resumed (by this instance or another) is cut into the same batches
 */
public record FileRows(String name, RowSource source, ContactRows contacts, RowListener listener,
                       BatchesInFlight inFlight, Function<SourceRow, String> notToSend, int batchSize) {

    /** The exchange property the file routes keep it under. */
    public static final String PROPERTY = "loaderFileRows";
}
