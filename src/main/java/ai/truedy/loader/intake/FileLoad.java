package ai.truedy.loader.intake;

import java.io.Closeable;
import java.io.IOException;

import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.reporting.FileLedger;

/**
 * Everything the routes carry for the file being loaded: where it came from, its open rows,
 * how rows become contacts, and the ledger where every row's outcome is written down.
 */
public record FileLoad(IntakeFile file, CsvSource source, ContactRows contacts, FileLedger ledger) implements Closeable {

    /** The exchange property the routes keep it under. */
    public static final String PROPERTY = "loaderFileLoad";

    @Override
    public void close() throws IOException {
        source.close();
    }
}
