package ai.truedy.loader.intake;

/** A row too long to read (a field of megabytes): it is skipped without being held, the rows around it stand. */
public class OverlongRowException extends MalformedRowException {
    private final int column;

    public OverlongRowException(long row, int column, int maxChars) {
        super(row, "", "the row is longer than " + maxChars + " characters");
        this.column = column;
    }

    /** The 0-based column it was in when it grew too long. */
    public int column() {
        return column;
    }
}
