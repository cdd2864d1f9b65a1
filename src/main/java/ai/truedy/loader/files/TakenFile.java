package ai.truedy.loader.files;

import ai.truedy.loader.batching.FileRows;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.state.FileJournal;

/**
 * A file the inbox route took, as the route carries it from step to step (the exchange property
 * {@value #PROPERTY}): the file itself, then its load once it is open, or the earlier load of the
 * same content when it is a duplicate, and where its original goes once it is finished (the inbox
 * endpoint's {@code move}). The route hands batching its {@link #getRows() rows} and delivery its
 * {@link #getOrigin() origin}.
 */
public final class TakenFile {

    /** The exchange property the file routes keep it under. */
    public static final String PROPERTY = "loaderFile";

    private volatile IntakeFile file;
    private volatile FileLoad load;
    private volatile FileJournal duplicateOf;
    private volatile String archiveTo;

    TakenFile(IntakeFile file) {
        this.file = file;
    }

    public IntakeFile file() {
        return file;
    }

    /** It goes on with an earlier, interrupted load of it: that load's outputs' stem is kept. */
    void restem(String earlierStem) {
        this.file = file.withStem(earlierStem);
    }

    /** The file's load, once it is open; null before, and for a duplicate. */
    FileLoad load() {
        return load;
    }

    void opened(FileLoad opened) {
        this.load = opened;
    }

    /** The journal of the same content loaded lately, for a file not loaded again; else null. */
    FileJournal duplicateOf() {
        return duplicateOf;
    }

    void sameAs(FileJournal earlier) {
        this.duplicateOf = earlier;
    }

    /** Whether the same content was loaded lately, so that the file is not sent again (the route's choice). */
    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** Its rows, for batching (the route's {@code loaderFileRows}). */
    public FileRows getRows() {
        return load.rows();
    }

    /** Where its batches come from, for delivery (the route's {@code loaderBatchOrigin}). */
    public BatchOrigin getOrigin() {
        return load.origin();
    }

    /** Where the inbox endpoint moves the original once the exchange is complete; null: it stays. */
    public String getArchiveTo() {
        return archiveTo;
    }

    void moveTo(String path) {
        this.archiveTo = path;
    }

    @Override
    public String toString() {
        return file.relativePath();
    }
}
