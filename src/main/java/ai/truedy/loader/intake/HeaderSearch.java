package ai.truedy.loader.intake;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which of a file's first rows is its header: the first of {@link #ROWS} non-blank rows that
 * {@code isHeader} accepts (one where a phone column can be named) and that has more cells filled
 * than every row above it. Reports and spreadsheets often have a title, a date or a blank row above
 * their header; those rows are skipped and counted. A data row below a header that names no phone
 * column is as wide as that header, so it is never taken for one.
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
        int widestAbove = 0;
        for (String[] cells = rows.next(); cells != null && above < ROWS; cells = rows.next()) {
            List<String> stripped = Arrays.stream(cells).map(String::strip).toList();
            if (accepts(stripped, above, widestAbove)) {
                return new Found(stripped, above);
            }
            widestAbove = Math.max(widestAbove, filled(stripped));
            above++;
        }
        return above == 0 ? null : new Found(null, above);
    }

    /**
     * Whether a row is the header.
     *
     * @param above       how many rows are above it
     * @param widestAbove the most cells filled in a row above it
     */
    boolean accepts(List<String> cells, int above, int widestAbove) {
        return (above == 0 || filled(cells) > widestAbove) && isHeader.test(cells);
    }

    /** How many of the row's cells are not blank. */
    static int filled(List<String> cells) {
        return (int) cells.stream().filter(cell -> !cell.isBlank()).count();
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
