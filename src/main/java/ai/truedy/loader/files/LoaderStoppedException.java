package ai.truedy.loader.files;

/**
 * The loader was asked to stop while a file was being loaded. The batches in flight were settled
 * and journaled; the file stays in the inbox and is resumed at the next start.
 */
public class LoaderStoppedException extends RuntimeException {
    public LoaderStoppedException(String message) {
        super(message);
    }
}
