import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Turns GenerateContacts' CSV into an Excel workbook as Excel writes one: text in the shared-strings
 * table, and the phones written as dots (212.736.1234) as number cells, as a spreadsheet keeps them.
 * An .xlsx is written streaming; an .xls (Excel 97-2003, at most 65,536 rows) in memory.
 *
 * usage: java CsvToWorkbook CSV XLSX|XLS
 */
public final class CsvToWorkbook {

    public static void main(String[] args) throws Exception {
        boolean xls = args[1].endsWith(".xls");
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             Workbook book = xls ? new HSSFWorkbook() : new SXSSFWorkbook(null, 1000, true, true);
             OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            Sheet sheet = book.createSheet("Contacts");
            int index = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Row row = sheet.createRow(index++);
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    if (index > 1 && i == 2 && cells[i].matches("\\d{3}\\.\\d{3}\\.\\d{4}")) {
                        row.createCell(i).setCellValue(Double.parseDouble(cells[i].replace(".", "")));
                    } else {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            book.write(out);
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
        }
    }
}
