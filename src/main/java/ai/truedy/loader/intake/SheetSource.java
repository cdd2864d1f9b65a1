package ai.truedy.loader.intake;

import java.util.Arrays;
import java.util.List;

import ai.truedy.loader.model.SourceRow;

/**
 * The rows of a workbook's sheet below its header, whichever the workbook's format ({@link XlsxSource},
 * {@link XlsSource}): blank rows are skipped and not counted, and rows are numbered by their place
 * among the sheet's other rows.
 */
abstract class SheetSource implements RowSource {

    private final List<String> header;
    private final long rowsAboveHeader;
    private final ReadContent content;
    private long rows;
    private SourceRow lastRow;

    SheetSource(HeaderSearch.Found header, ReadContent content) {
        this.header = header.cells();
        this.rowsAboveHeader = header.rowsAbove();
        this.rows = header.rowsAbove();
        this.content = content;
    }

    /** The sheet's next row, blank or not; null at its end. */
    abstract String[] nextCells();

    /** The sheet's last row number, as the sheet says; 0 when it does not. */
    abstract long lastRowNumber();

    @Override
    public final List<String> header() {
        return header;
    }

    @Override
    public final long rowsAboveHeader() {
        return rowsAboveHeader;
    }

    @Override
    public final SourceRow nextRow() {
        String[] cells = nonBlank(this::nextCells);
        if (cells == null) {
            return null;
        }
        lastRow = new SourceRow(++rows, cells);
        return lastRow;
    }

    @Override
    public final SourceRow lastRow() {
        return lastRow;
    }

    /** How many rows were read, for a message. */
    final long rowsRead() {
        return rows;
    }

    @Override
    public final double fractionRead() {
        long last = lastRowNumber();
        return last <= 1 ? 0 : Math.min(1.0, (double) rows / (last - 1));
    }

    @Override
    public final ReadContent content() {
        return content;
    }

    /**
     * The header among the sheet's first non-blank rows, its cells stripped; null when the search
     * accepts none of them.
     */
    static <E extends Exception> HeaderSearch.Found header(HeaderSearch search, HeaderSearch.Rows<E> sheet) throws E {
        return search.find(() -> {
            String[] cells = nonBlank(sheet);
            return cells == null ? null : Arrays.stream(cells).map(String::strip).toArray(String[]::new);
        });
    }

    /** The next row with a cell that is not blank; null at the end of the sheet. */
    static <E extends Exception> String[] nonBlank(HeaderSearch.Rows<E> sheet) throws E {
        for (String[] cells = sheet.next(); cells != null; cells = sheet.next()) {
            if (Arrays.stream(cells).anyMatch(cell -> !cell.isBlank())) {
                return cells;
            }
        }
        return null;
    }
}
