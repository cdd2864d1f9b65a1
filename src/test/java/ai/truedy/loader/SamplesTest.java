package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
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

    @Test
    void the_national_sample_with_its_folder_settings_reaches_one_batch_call_per_zone() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.dropBytes("national/national.csv", Files.readAllBytes(Path.of("samples", "national.csv")));
        loader.dropBytes("national/.loader.properties", Files.readAllBytes(Path.of("samples", "national.loader.properties")));

        assertThat(loader.runOnce()).as("Hawaii and London are routed nowhere").isEqualTo(3);

        assertThat(TruedyApi.sentByBatchCall(api)).containsOnlyKeys("spring-east", "spring-central", "spring-mountain",
                "spring-west", "spring-safe");
        JsonNode routed = loader.report("national").path("routed");
        assertThat(routed.path("spring-east").path("contacts").asInt()).as("212, 617, 404").isEqualTo(3);
        assertThat(routed.path("spring-central").path("contacts").asInt()).as("312, 612, 204 in Manitoba").isEqualTo(3);
        assertThat(routed.path("spring-mountain").path("contacts").asInt()).as("303, 602 in AZ, 801").isEqualTo(3);
        assertThat(routed.path("spring-west").path("contacts").asInt()).as("213, 206").isEqualTo(2);
        assertThat(routed.path("spring-safe").path("contacts").asInt())
                .as("416 in Ontario, 214 in Texas, 604 in BC, 208, 212 in CA: states and area codes across a zone line")
                .isEqualTo(5);
        JsonNode report = loader.report("national");
        assertThat(report.path("reasons").path("time_zone_not_routed").asInt()).isEqualTo(2);
    }
}
