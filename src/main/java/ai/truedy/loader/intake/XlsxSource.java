package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The rows of an Excel workbook ({@code .xlsx}): the first sheet with a header row among its first
 * rows ({@link HeaderSearch}), streamed row by row ({@link SheetRows}), so memory does not grow
 * with the sheet (only with its table of shared strings).
 */
final class XlsxSource extends SheetSource {

    private final OPCPackage workbook;
    private final SheetRows sheet;

    private XlsxSource(OPCPackage workbook, SheetRows sheet, HeaderSearch.Found header, ReadContent content) {
        super(header, content);
        this.workbook = workbook;
        this.sheet = sheet;
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
            for (Iterator<InputStream> sheets = reader.getSheetsData(); sheets.hasNext(); ) {
                SheetRows sheet = new SheetRows(sheets.next(), strings);
                HeaderSearch.Found header = header(search, sheet::next);
                if (header != null) {
                    return new XlsxSource(workbook, sheet, header, content);
                }
                sheet.close();
            }
            throw search.notFound("the workbook has no sheet with a header row");
        } catch (UnreadableFileException | HeaderSearch.NotFound e) {
            workbook.revert();
            throw e;
        } catch (Exception e) {
            workbook.revert();
            throw new UnreadableFileException("not an Excel workbook that can be read (.xlsx): " + e.getMessage());
        }
    }

    @Override
    String[] nextCells() {
        try {
            return sheet.next();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("cannot read the workbook past row " + rowsRead() + ": " + e.getMessage(),
                    new IOException(e));
        }
    }

    @Override
    long lastRowNumber() {
        return sheet.lastRowNumber();
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
}
