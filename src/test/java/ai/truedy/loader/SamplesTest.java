package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each format's sample in samples/, which the README lists, loads as it is: every row accepted. */
class SamplesTest extends LoaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            contacts.csv  | +12127361000 +14155550132 +34912345678 +861065529988 +16465550199 +442079460958
            contacts.tsv  | +12127361000 +861065529988 +442079460958
            contacts.xlsx | +12127361000 +14155550132 +34912345678
            contacts.xls  | +12127361000 +14155550132 +34912345678
            contacts.vcf  | +12127361000 +34912345678 +442079460958
            """)
    void a_sample_loads_with_every_row_accepted(String sample, String phones) throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.dropBytes("demo-campaign/" + sample, Files.readAllBytes(Path.of("samples", sample)));

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly(phones.split(" "));
        String stem = sample.substring(0, sample.indexOf('.'));
        assertThat(loader.report(stem).path("rejected").asInt()).isZero();
    }
}
