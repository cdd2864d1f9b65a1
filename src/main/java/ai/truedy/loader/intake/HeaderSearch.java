package ai.truedy.loader.intake;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which of a file's first rows is its header: the first of its first {@link #ROWS} rows that
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
     * The header among the first {@link #ROWS} rows; null when the search accepts none of them (or
     * there are none). No row past the header, or past the last one looked at, is read.
     */
    <E extends Exception> Found find(Rows<E> rows) throws E {
        int widestAbove = 0;
        for (int above = 0; above < ROWS; above++) {
            String[] cells = rows.next();
            if (cells == null) {
                return null;
            }
            List<String> row = Arrays.asList(cells);
            if ((above == 0 || filled(row) > widestAbove) && isHeader.test(row)) {
                return new Found(List.copyOf(row), above);
            }
            widestAbove = Math.max(widestAbove, filled(row));
        }
        return null;
    }

    /**
     * What to throw when no row was accepted: {@link NotFound}, so that the file is read again with
     * its first row as the header; when that was the search, the file has no rows at all.
     *
     * @param whenEmpty why a file with no rows cannot be read
     */
    NotFound notFound(String whenEmpty) throws UnreadableFileException {
        if (this == FIRST_ROW) {
            throw new UnreadableFileException(whenEmpty);
        }
        return new NotFound();
    }

    private static int filled(List<String> cells) {
        return (int) cells.stream().filter(cell -> !cell.isBlank()).count();
    }

    /** The header row, and how many rows are above it. */
    record Found(List<String> cells, int rowsAbove) {
    }

    /** A file's or a sheet's rows, one at a time: null at the end. */
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
