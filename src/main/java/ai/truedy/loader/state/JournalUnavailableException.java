package ai.truedy.loader.state;

/**
 * A journal line could not be kept: the database is out of reach, or another instance has taken
 * the file over (its claim's epoch moved on). Nothing more of the file is sent or settled here; the
 * file stays in the inbox and is resumed from what the journal holds.
 */
public class JournalUnavailableException extends RuntimeException {

    public JournalUnavailableException(String message) {
        super(message);
    }

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
