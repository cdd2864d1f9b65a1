package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.model.InternalWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The rows of an Excel 97-2003 workbook ({@code .xls}): the first worksheet with a header row among
 * its first rows ({@link HeaderSearch}), streamed row by row ({@link XlsSheets}), so memory does not
 * grow with the sheet (only with its table of shared strings).
 */
final class XlsSource extends SheetSource {

    private final POIFSFileSystem workbook;
    private final XlsSheets sheets;

    private XlsSource(POIFSFileSystem workbook, XlsSheets sheets, HeaderSearch.Found header, ReadContent content) {
        super(header, content);
        this.workbook = workbook;
        this.sheets = sheets;
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
            while (sheets.nextSheet()) {
                HeaderSearch.Found header = header(search, sheets::next);
                if (header != null) {
                    return new XlsSource(workbook, sheets, header, content);
                }
            }
            throw search.notFound("the workbook has no sheet with a header row");
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
    String[] nextCells() {
        return sheets.next();
    }

    @Override
    long lastRowNumber() {
        return sheets.lastRowNumber();
    }

    @Override
    public void close() throws IOException {
        try (workbook) {
            sheets.close();
        }
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
