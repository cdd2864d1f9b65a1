package ai.truedy.loader.intake;

/** The CSV parser could not read a row; the rows before and after it stand. */
public class MalformedRowException extends RuntimeException {
    private final long row;
    private final String rawText;

    public MalformedRowException(long row, String rawText, String message) {
        super(message);
        this.row = row;
        this.rawText = rawText;
    }

    /** The row's 1-based data row number. */
    public long row() {
        return row;
    }

    /** The line as it stands in the file. */
    public String rawText() {
        return rawText;
    }
}
