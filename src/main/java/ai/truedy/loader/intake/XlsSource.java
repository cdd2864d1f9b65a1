package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.truedy.loader.model.SourceRow;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.model.InternalWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The rows of an Excel 97-2003 workbook ({@code .xls}): the first worksheet with a header row among
 * its first rows ({@link HeaderSearch}), streamed row by row ({@link XlsSheets}), so memory does not
 * grow with the sheet (only with its table of shared strings). Rows without cells are skipped and
 * not counted, as in an {@code .xlsx}.
 */
final class XlsSource implements RowSource {

    private final POIFSFileSystem workbook;
    private final XlsSheets sheets;
    private final List<String> header;
    private final long rowsAboveHeader;
    private final ReadContent content;
    private long rows;
    private SourceRow lastRow;

    private XlsSource(POIFSFileSystem workbook, XlsSheets sheets, HeaderSearch.Found header, ReadContent content) {
        this.workbook = workbook;
        this.sheets = sheets;
        this.header = header.cells();
        this.rowsAboveHeader = header.rowsAbove();
        this.rows = header.rowsAbove();
        this.content = content;
    }

    /** Opens a settled workbook ({@link WorkbookFiles}) and finds its header. */
    static XlsSource open(Path file, ReadContent content, HeaderSearch search)
            throws IOException, UnreadableFileException, HeaderSearch.NotFound {
        POIFSFileSystem workbook;
        try {
            workbook = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("not an Excel 97-2003 workbook that can be read (.xls): " + e.getMessage());
        }
        XlsSheets sheets = null;
        try {
            sheets = new XlsSheets(workbook.getRoot().createDocumentInputStream(bookIn(workbook.getRoot())));
            boolean anyRows = false;
            while (sheets.nextSheet()) {
                XlsSheets rows = sheets;
                HeaderSearch.Found header = search.find(() -> nonBlank(rows));
                if (header != null && header.found()) {
                    return new XlsSource(workbook, sheets, header, content);
                }
                anyRows |= header != null;
            }
            if (anyRows) {
                throw new HeaderSearch.NotFound();
            }
            throw new UnreadableFileException("the workbook has no sheet with a header row");
        } catch (UnreadableFileException | HeaderSearch.NotFound e) {
            closeQuietly(sheets, workbook);
            throw e;
        } catch (EncryptedDocumentException e) {
            closeQuietly(sheets, workbook);
            throw new UnreadableFileException("the workbook is protected with a password: save it without one");
        } catch (IOException | RuntimeException e) {
            closeQuietly(sheets, workbook);
            throw new UnreadableFileException("not an Excel 97-2003 workbook that can be read (.xls): " + e.getMessage());
        }
    }

    /** The workbook's stream; an Excel 5.0/95 workbook has an older one, which is not read. */
    private static String bookIn(DirectoryNode root) throws UnreadableFileException {
        for (String name : InternalWorkbook.WORKBOOK_DIR_ENTRY_NAMES) {
            if (root.hasEntry(name)) {
                return name;
            }
        }
        if (root.hasEntry(InternalWorkbook.OLD_WORKBOOK_DIR_ENTRY_NAME)) {
            throw new UnreadableFileException("an Excel 5.0/95 workbook, which the loader does not read: open it in"
                    + " Excel and save it as .xlsx");
        }
        throw new UnreadableFileException("not an Excel workbook: an Office file of another kind");
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long rowsAboveHeader() {
        return rowsAboveHeader;
    }

    @Override
    public SourceRow nextRow() {
        String[] cells = nonBlank(sheets);
        if (cells == null) {
            return null;
        }
        lastRow = new SourceRow(++rows, cells);
        return lastRow;
    }

    @Override
    public SourceRow lastRow() {
        return lastRow;
    }

    @Override
    public double fractionRead() {
        long last = sheets.lastRowNumber();
        return last <= 1 ? 0 : Math.min(1.0, (double) rows / (last - 1));
    }

    @Override
    public ReadContent content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        try (workbook) {
            sheets.close();
        }
    }

    /** The sheet's next row with a cell that is not blank; null at its end. */
    private static String[] nonBlank(XlsSheets sheet) {
        for (String[] cells = sheet.next(); cells != null; cells = sheet.next()) {
            if (Arrays.stream(cells).anyMatch(cell -> !cell.isBlank())) {
                return cells;
            }
        }
        return null;
    }

    private static void closeQuietly(XlsSheets sheets, POIFSFileSystem workbook) {
        try (workbook) {
            if (sheets != null) {
                sheets.close();
            }
        } catch (IOException ignored) {
            // the file is refused: nothing was written to it
        }
    }
}
