package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import ai.truedy.loader.model.SourceRow;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The rows of an Excel workbook ({@code .xlsx}): the first sheet with a header row among its first
 * rows ({@link HeaderSearch}), streamed
 * row by row ({@link SheetRows}), so memory does not grow with the sheet (only with its table of
 * shared strings). Blank rows are skipped and not counted.
 */
public final class XlsxSource implements RowSource {

    private final OPCPackage workbook;
    private final SheetRows sheet;
    private final List<String> header;
    private final ReadContent content;
    private final long rowsAboveHeader;
    private long rows;
    private SourceRow lastRow;

    private XlsxSource(OPCPackage workbook, SheetRows sheet, HeaderSearch.Found header, ReadContent content) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.header = header.cells();
        this.rowsAboveHeader = header.rowsAbove();
        this.rows = header.rowsAbove();
        this.content = content;
    }

    /** Opens a settled workbook ({@link WorkbookFiles}) and finds its header. */
    static XlsxSource open(Path file, ReadContent content, HeaderSearch search)
            throws UnreadableFileException, HeaderSearch.NotFound {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new UnreadableFileException("not an Excel workbook that can be read (.xlsx): " + e.getMessage());
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            List<String> strings = SharedStringsTable.read(sharedStrings(reader));
            boolean anyRows = false;
            for (Iterator<InputStream> sheets = reader.getSheetsData(); sheets.hasNext(); ) {
                SheetRows sheet = new SheetRows(sheets.next(), strings);
                HeaderSearch.Found header = search.find(() -> nonBlank(sheet));
                if (header != null && header.found()) {
                    return new XlsxSource(workbook, sheet, header, content);
                }
                anyRows |= header != null;
                sheet.close();
            }
            if (anyRows) {
                throw new HeaderSearch.NotFound();
            }
            throw new UnreadableFileException("the workbook has no sheet with a header row");
        } catch (UnreadableFileException | HeaderSearch.NotFound e) {
            workbook.revert();
            throw e;
        } catch (Exception e) {
            workbook.revert();
            throw new UnreadableFileException("not an Excel workbook that can be read (.xlsx): " + e.getMessage());
        }
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
        try {
            String[] cells = nonBlank(sheet);
            if (cells == null) {
                return null;
            }
            lastRow = new SourceRow(++rows, cells);
            return lastRow;
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("cannot read the workbook past row " + rows + ": " + e.getMessage(),
                    new IOException(e));
        }
    }

    @Override
    public SourceRow lastRow() {
        return lastRow;
    }

    @Override
    public double fractionRead() {
        long last = sheet.lastRowNumber();
        return last <= 1 ? 0 : Math.min(1.0, (double) rows / (last - 1));
    }

    @Override
    public ReadContent content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (Exception e) {
            throw new IOException("cannot close the workbook", e);
        } finally {
            workbook.revert(); // opened to read: closed without writing anything
        }
    }

    /** The table of shared strings; null when the workbook has none (only inline strings and numbers). */
    private static InputStream sharedStrings(XSSFReader reader) {
        try {
            return reader.getSharedStringsData();
        } catch (Exception none) {
            return null;
        }
    }

    /** The next row with a cell that is not blank; null at the end of the sheet. */
    private static String[] nonBlank(SheetRows sheet) throws XMLStreamException {
        for (String[] cells = sheet.next(); cells != null; cells = sheet.next()) {
            if (Arrays.stream(cells).anyMatch(cell -> !cell.isBlank())) {
                return cells;
            }
        }
        return null;
    }
}
