package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.model.FileDigests;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Excel workbooks, {@code .xlsx} and {@code .xls} alike. A workbook cannot be read while it is still
 * being written, so it is opened once it has been unchanged for {@code loader.settle-time}; it is
 * then read by what it is rather than by its name, since an {@code .xls} saved as an {@code .xlsx}
 * by hand, or the other way round, is common.
 */
final class WorkbookFiles {

    private WorkbookFiles() {
    }

    static RowSource open(Path file, CsvSource.Settling settling, HeaderSearch search)
            throws IOException, UnreadableFileException, HeaderSearch.NotFound {
        awaitSettled(file, settling);
        long size = Files.size(file);
        ReadContent content = new ReadContent(size, FileDigests.ofPrefix(file, size),
                FileDigests.hex(FileDigests.ofPrefix(file, Math.min(ReadContent.HEAD, size)).digest()), true);
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        return switch (magic) {
            case OOXML -> XlsxSource.open(file, content, search);
            case OLE2 -> XlsSource.open(file, content, search);
            case BIFF2, BIFF3, BIFF4 -> throw new UnreadableFileException("an Excel 2.0-4.0 workbook, which the loader"
                    + " does not read: open it in Excel and save it as .xlsx");
            default -> throw new UnreadableFileException("not an Excel workbook that can be read: the file is "
                    + (magic == FileMagic.UNKNOWN ? "text or another format" : magic.name()) + ", not .xlsx or .xls");
        };
    }

    /** Waits until the file has been unchanged for the settle time (or the loader is stopping). */
    private static void awaitSettled(Path file, CsvSource.Settling settling) throws IOException {
        LastChange lastChange = new LastChange();
        while (!settling.stopping().getAsBoolean()) {
            Instant now = Instant.now();
            lastChange.look(Files.getLastModifiedTime(file), now);
            Duration left = settling.settleTime().minus(Duration.between(lastChange.at(), now));
            if (left.isNegative() || left.isZero()) {
                return;
            }
            try {
                Thread.sleep(Math.min(200, left.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the workbook to settle", e);
            }
        }
    }
}
