package ai.truedy.loader;

import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The inbox takes the extensions of loader.extensions, each read by the reader for its format. */
class InputFormatsTest extends LoaderTest {

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    @Test
    void takes_the_files_of_loader_extensions_whatever_their_case_and_leaves_others_alone() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.drop("bc_1/list.CSV", "phone\n+12127361001\n");
        loader.drop("bc_1/notes.txt", "phone\n+12127361002\n");

        assertThat(loader.runOnce()).isZero();

        assertThat(filesIn(loader.done)).containsExactly("list.CSV", "list.report.json");
        assertThat(loader.inbox.resolve("bc_1/notes.txt")).exists();
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001");
    }

    @Test
    void an_extension_there_is_no_reader_for_stops_the_loader_at_start() throws Exception {
        loader.with("loader.extensions", "csv, ods").drop("bc_1/list.csv", "phone\n+12127361001\n");

        assertThat(loader.runOnce()).isEqualTo(LoaderRun.EXIT_CANNOT_RUN);

        assertThat(log.text()).contains("loader.extensions must name one or more of csv, tsv, xlsx, xls, vcf, not 'csv, ods'");
        assertThat(loader.inbox.resolve("bc_1/list.csv")).exists();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }
}
