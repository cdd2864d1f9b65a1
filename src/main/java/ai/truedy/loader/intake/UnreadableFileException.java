package ai.truedy.loader.intake;

/** A file that cannot be read as a contact list at all: it goes to error/ with this message. */
public class UnreadableFileException extends Exception {
    public UnreadableFileException(String message) {
        super(message);
    }
}
