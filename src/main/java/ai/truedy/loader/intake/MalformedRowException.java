package ai.truedy.loader.intake;

/** A row could not be read (a CSV line, an address book's card); the rows before and after it stand. */
public class MalformedRowException extends RuntimeException {
    private final long row;
    private final String rawText;
    private final String[] cells;

    public MalformedRowException(long row, String rawText, String message) {
        this(row, rawText, message, new String[0]);
    }

    /** @param cells what can be told of the row, for the rejected file (a card's line) */
    public MalformedRowException(long row, String rawText, String message, String[] cells) {
        super(message);
        this.row = row;
        this.rawText = rawText;
        this.cells = cells;
    }

    /** What can be told of the row's cells; none for a CSV line. */
    public String[] cells() {
        return cells.clone();
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
