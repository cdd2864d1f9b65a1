package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static ai.truedy.loader.support.Workbooks.row;
import static ai.truedy.loader.support.Workbooks.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Excel workbooks (.xlsx), written at test time with Apache POI, and tab-separated files. */
class ExcelWorkbooksTest extends LoaderTest {

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void reads_the_first_sheet_with_a_header_row_and_sends_every_digit_of_a_number_cell() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) { // shared strings, as Excel writes them
            book.createSheet("Notes");
            Sheet contacts = book.createSheet("Contacts");
            CellStyle scientific = book.createCellStyle();
            scientific.setDataFormat(book.createDataFormat().getFormat("0.00E+00")); // shown as 2.13E+09
            row(contacts, 0, "First Name", "Last Name", "Mobile Phone", "E-mail Address");
            Row ann = row(contacts, 1, "Ann", "Lee", null, "ann@example.com");
            ann.createCell(2).setCellValue(2127361601d);
            ann.getCell(2).setCellStyle(scientific);
            row(contacts, 3, "Bob", "Ray", "+1 212 736 1602", ""); // row 3 of the sheet: a blank row before it
            row(contacts, 4, "Cy", "Fox", "12", "");
            write(book, loader.inbox.resolve("bc_1/contacts.xlsx"));
        }

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(TruedyApi::inOneLine)
                .containsExactly("+12127361601 Ann Lee ann@example.com", "+12127361602 Bob Ray "));
        assertThat(filesIn(loader.done)).containsExactly("contacts.report.json", "contacts.xlsx");
        assertThat(loader.report("contacts").path("rows").asInt()).isEqualTo(3);
        assertThat(loader.rejectedRows("contacts")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("First Name", "Cy").containsEntry("Mobile Phone", "12").containsEntry("row", "3")
                .containsEntry("reason", "invalid_phone"));
    }

    @Test
    void reads_inline_string_cells_and_its_rejected_rows_can_be_dropped_again_as_csv() throws Exception {
        // the streaming writer's scratch files in the test's folder, not in a /tmp/poifiles another user may own
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(root.resolve("poi").toFile()));
        try (SXSSFWorkbook book = new SXSSFWorkbook()) { // a streaming writer: inline strings
            Sheet sheet = book.createSheet();
            row(sheet, 0, "Name", "Phone");
            row(sheet, 1, "Dee Ng", "(212) 736-1611");
            row(sheet, 2, "Eli Oz", "736-1612");
            write(book, loader.inbox.resolve("bc_1/leads.xlsx"));
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        loader.runOnce();
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361611");
        Path rejected = loader.error.resolve("leads.rejected.csv");
        assertThat(Files.readAllLines(rejected).get(0)).isEqualTo("Name,Phone,row,reason,detail");

        api.resetRequests();
        loader.drop("bc_1/leads-fixed.csv", Files.readString(rejected).replace("736-1612", "(212) 736-1612"));
        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361612");
    }

    @Test
    void a_file_named_xlsx_that_is_not_a_workbook_goes_to_error_with_the_reason() throws Exception {
        loader.drop("bc_1/export.xlsx", "phone\n+12127361621\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("export").path("error").asText()).startsWith("not an Excel workbook that can be read");
        assertThat(loader.error.resolve("export.xlsx")).exists();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_tsv_file_is_read_as_tab_separated_whatever_its_cells_hold() throws Exception {
        loader.drop("bc_1/export.tsv", "Phone Number\tFull Name\tNotes\n+12127361631\tLee, Ann\tcall, then mail\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361631");
        List<String> done = filesIn(loader.done);
        assertThat(done).containsExactly("export.report.json", "export.tsv");
    }
}
