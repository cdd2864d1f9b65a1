package ai.truedy.loader.intake;

/** The CSV parser could not read on from a row; the rows before it stand. */
public class MalformedRowException extends RuntimeException {
    private final long row;

    public MalformedRowException(long row, String message) {
        super(message);
        this.row = row;
    }

    /** The 1-based data row number at which reading stopped. */
    public long row() {
        return row;
    }
}
