package ai.truedy.loader.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZonesByPrefixTest {

    @Test
    void reads_the_prefixes_of_libphonenumbers_own_map() {
        Set<String> prefixes = ZonesByPrefix.mapPrefixes();

        assertThat(prefixes).as("read from the library's data, not the slow fallback").hasSizeGreaterThan(1_000)
                .contains("1212", "1208201", "44");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            12125550123  ; America/New_York
            12083451234  ; America/Denver
            12086551234  ; America/Boise America/Los_Angeles
            442079460958 ; Europe/London
            80012345678  ;
            """)
    void a_number_is_in_the_zones_of_the_longest_prefix_it_starts_with(String digits, String zones) {
        ZonesByPrefix byPrefix = new ZonesByPrefix(NumberZones::lookedUp);

        List<String> expected = zones == null ? List.of() : List.of(zones.split(" "));
        assertThat(byPrefix.zonesOf(digits)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(byPrefix.zonesOf(digits)).as("remembered").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void remembers_a_number_by_its_area_code_unless_the_map_splits_the_area_code() {
        ZonesByPrefix byPrefix = new ZonesByPrefix(NumberZones::lookedUp);

        assertThat(byPrefix.decisivePrefix("12125550123")).isEqualTo("1212");
        assertThat(byPrefix.decisivePrefix("12083451234")).as("208 spans two zones").startsWith("12083").hasSizeGreaterThan(5);
    }

    @Test
    void gives_the_same_zones_as_looking_every_number_up_whole() {
        ZonesByPrefix byPrefix = new ZonesByPrefix(NumberZones::lookedUp);
        Random random = new Random(32);
        List<String> numbers = new ArrayList<>();
        for (String prefix : ZonesByPrefix.mapPrefixes()) {
            for (int length : new int[] {Math.max(3, prefix.length()), 10, 11, 12, 13}) {
                StringBuilder number = new StringBuilder(prefix);
                while (number.length() < length) {
                    number.append(random.nextInt(10));
                }
                numbers.add(number.toString());
                numbers.add(number.substring(0, Math.max(3, number.length() - 1)) + random.nextInt(10));
            }
        }

        for (String number : numbers) {
            assertThat(byPrefix.zonesOf(number)).as(number).isEqualTo(NumberZones.lookedUp(number));
        }
    }

    @Test
    void without_the_maps_prefixes_every_number_is_looked_up_whole() {
        List<String> asked = new ArrayList<>();
        ZonesByPrefix byPrefix = new ZonesByPrefix(null, digits -> {
            asked.add(digits);
            return List.of("Etc/Test");
        });

        byPrefix.zonesOf("12125550123");
        byPrefix.zonesOf("12125550124");

        assertThat(asked).containsExactly("12125550123", "12125550124");
    }
}
