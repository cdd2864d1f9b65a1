package ai.truedy.loader.state;

import java.io.IOException;

/**
 * Where the lines of one file's journal are kept, each handed over durably before the call
 * returns: a local file ({@link LocalJournalLines}), or rows in the database the instances of a
 * cluster share. A store that fences (the database) refuses a line from an instance that no longer
 * holds the file, with {@link JournalUnavailableException}.
 */
public interface JournalLines {

    /** Starts the journal afresh with its first line, forgetting any earlier load. */
    void begin(String line) throws IOException;

    /** Adds a line that records a batch's final outcome: the file's progress advances with it, at once. */
    void settled(String line) throws IOException;

    /** Adds any other line. */
    void append(String line) throws IOException;

    /** The journal is known by {@code key} from now on (the digest of everything read, once the file is done). */
    void rekey(String key) throws IOException;

    /** Whether this instance may still send and settle for the file (false once another instance took it over). */
    default boolean held() {
        return true;
    }

    /** What log lines call the journal. */
    String describe();

    /** Lets go of what is open; the lines stay. */
    void close() throws IOException;
}
