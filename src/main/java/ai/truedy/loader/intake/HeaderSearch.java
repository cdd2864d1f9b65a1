package ai.truedy.loader.intake;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which of a file's first rows is its header: the first of {@link #ROWS} non-blank rows that
 * {@code isHeader} accepts (one where a phone column can be named). Reports and spreadsheets often
 * have a title, a date or a blank row above their header; those rows are skipped and counted.
 *
 * @param isHeader whether a row's cells can be the file's header
 */
public record HeaderSearch(Predicate<List<String>> isHeader) {

    /** How far down a file its header is looked for. */
    public static final int ROWS = 20;

    /** The first non-blank row is the header, whatever it holds. */
    public static final HeaderSearch FIRST_ROW = new HeaderSearch(cells -> true);

    /**
     * The header among a sheet's first non-blank rows; not {@link Found#found()} when the search
     * accepts none of them, null when there are none.
     */
    <E extends Exception> Found find(Rows<E> rows) throws E {
        int above = 0;
        for (String[] cells = rows.next(); cells != null && above < ROWS; cells = rows.next()) {
            List<String> stripped = Arrays.stream(cells).map(String::strip).toList();
            if (isHeader.test(stripped)) {
                return new Found(stripped, above);
            }
            above++;
        }
        return above == 0 ? null : new Found(null, above);
    }

    /** A header row, null when none was found, and the non-blank rows above it. */
    record Found(List<String> cells, int rowsAbove) {

        boolean found() {
            return cells != null;
        }
    }

    /** A sheet's rows: the next non-blank one, null at its end. */
    interface Rows<E extends Exception> {
        String[] next() throws E;
    }

    /** No row among the first {@link #ROWS} can be the header: the file is read again with its first row as one. */
    static final class NotFound extends Exception {
        NotFound() {
            super("no header row among the first " + ROWS + " rows", null, false, false);
        }
    }
}
