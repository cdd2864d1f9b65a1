package ai.truedy.loader.intake;

/**
 * A file shrank or was rewritten (its first bytes differ) while or after it was read: it goes to
 * error/ with the reason, and what was already sent stays accounted for.
 */
public class FileChangedException extends RuntimeException {
    public FileChangedException(String message) {
        super(message);
    }
}
