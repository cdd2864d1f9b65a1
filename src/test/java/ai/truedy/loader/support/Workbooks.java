package ai.truedy.loader.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Workbooks (.xlsx and .xls) written at test time with Apache POI, as Excel would save them. */
public final class Workbooks {

    private Workbooks() {
    }

    /** A row of text cells; a null value leaves its cell out. */
    public static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    /** Saves the workbook, dated a minute ago: a finished upload, not waited for. */
    public static void write(Workbook book, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            book.write(out);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }
}
