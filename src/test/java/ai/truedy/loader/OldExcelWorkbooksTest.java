package ai.truedy.loader;

import java.time.LocalDate;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static ai.truedy.loader.support.Workbooks.row;
import static ai.truedy.loader.support.Workbooks.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Excel 97-2003 workbooks (.xls), written at test time with Apache POI as Excel saves them. */
class OldExcelWorkbooksTest extends LoaderTest {

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void reads_text_number_and_formula_cells_of_the_first_sheet_with_a_phone_column() throws Exception {
        try (HSSFWorkbook book = new HSSFWorkbook()) {
            Sheet notes = book.createSheet("Notes");
            row(notes, 0, "Call list for December", "draft");
            Sheet contacts = book.createSheet("Contacts");
            CellStyle scientific = book.createCellStyle();
            scientific.setDataFormat(book.createDataFormat().getFormat("0.00E+00")); // shown as 2.13E+09
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            row(contacts, 0, "Dialer export – 2026-12-01");
            row(contacts, 2, "First Name", "Last Name", "Mobile Phone", "E-mail", "Signed Up");
            row(contacts, 3, "Ann", "Lee", "+1 212 736 1801", "ann@example.com");
            Row number = row(contacts, 4, "Bob", "Ray", null, "bob@example.com");
            number.createCell(2).setCellValue(2127361802d);
            number.getCell(2).setCellStyle(scientific);
            row(contacts, 5, "Cy", "Fox").createCell(2).setCellFormula("\"+1 212 \"&\"736 1803\"");
            row(contacts, 6, "Dee", "Ng").createCell(2).setCellFormula("2127361800+4");
            Row dated = row(contacts, 7, "Eli", "Oz", null, "eli@example.com");
            dated.createCell(4).setCellValue(LocalDate.of(2026, 11, 30));
            dated.getCell(4).setCellStyle(date);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll(); // Excel saves each formula's result
            write(book, loader.inbox.resolve("bc_1/dialer.xls"));
        }

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(TruedyApi::inOneLine).containsExactly(
                        "+12127361801 Ann Lee ann@example.com", "+12127361802 Bob Ray bob@example.com",
                        "+12127361803 Cy Fox ", "+12127361804 Dee Ng "));
        JsonNode report = loader.report("dialer");
        assertThat(report.path("rows").asInt()).isEqualTo(5);
        assertThat(report.path("skipped_lines_above_header").asInt()).isEqualTo(1);
        assertThat(loader.rejectedRows("dialer")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("First Name", "Eli").containsEntry("Signed Up", "46356").containsEntry("row", "6")
                .containsEntry("reason", "missing_phone"));
        assertThat(filesIn(loader.done)).containsExactly("dialer.report.json", "dialer.xls");
    }

    @Test
    void a_workbook_saved_under_the_other_excel_extension_is_read_for_what_it_is() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            row(book.createSheet(), 0, "Phone");
            row(book.getSheetAt(0), 1, "+1 212 736 1811");
            write(book, loader.inbox.resolve("bc_1/renamed.xls"));
        }
        try (HSSFWorkbook book = new HSSFWorkbook()) {
            row(book.createSheet(), 0, "Phone");
            row(book.getSheetAt(0), 1, "+1 212 736 1812");
            write(book, loader.inbox.resolve("bc_1/legacy.xlsx"));
        }

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361811", "+12127361812");
    }

    @Test
    void a_file_named_xls_that_is_a_web_page_goes_to_error_with_the_reason() throws Exception {
        loader.drop("bc_1/export.xls", "<html><body><table><tr><td>Phone</td></tr></table></body></html>");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("export").path("error").asText())
                .isEqualTo("not an Excel workbook that can be read: the file is HTML, not .xlsx or .xls");
        assertThat(loader.error.resolve("export.xls")).exists();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }
}
