package ai.truedy.loader;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A file stamped in the future (a writer or a share whose clock runs ahead) still settles once it
 * has been quiet for loader.settle-time, instead of being read until its time has passed.
 */
class SkewedClockTest extends LoaderTest {

    static final FileTime AN_HOUR_AHEAD = FileTime.from(Instant.now().plus(Duration.ofHours(1)));

    @BeforeEach
    void shortSettleTime() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        // the read lock's minimum age would hold such a file until its time has passed; ops may turn it off
        loader.with("loader.settle-time", "300ms").with("loader.read-lock-min-age", "0");
    }

    @Test
    void a_csv_stamped_an_hour_ahead_is_loaded_once_it_has_been_quiet_for_the_settle_time() throws Exception {
        Path file = loader.drop("bc_1/list.csv", "phone\n+12127361701\n");
        Files.setLastModifiedTime(file, AN_HOUR_AHEAD);

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), loader::runOnce)).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361701");
        assertThat(loader.done.resolve("list.csv")).exists();
    }

    @Test
    void a_workbook_stamped_an_hour_ahead_is_loaded_once_it_has_been_quiet_for_the_settle_time() throws Exception {
        Path file = loader.inbox.resolve("bc_1/list.xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("Phone");
            sheet.createRow(1).createCell(0).setCellValue("+12127361702");
            book.write(out);
        }
        Files.setLastModifiedTime(file, AN_HOUR_AHEAD);

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), loader::runOnce)).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361702");
        assertThat(loader.done.resolve("list.xlsx")).exists();
    }
}
