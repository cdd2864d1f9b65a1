package ai.truedy.loader.contacts;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The state and province table, zones/regions.txt, against libphonenumber's own data. */
class RegionZonesTest {

    @Test
    void every_zone_of_the_table_is_a_time_zone_and_every_state_and_province_is_there() {
        assertThat(RegionZones.byCode()).hasSize(51 + 5 + 13);
        RegionZones.byCode().forEach((code, zones) -> assertThat(zones).as(code).isNotEmpty()
                .allSatisfy(zone -> assertThat(ZoneId.getAvailableZoneIds()).as(code).contains(zone)));
    }

    @Test
    void a_region_lists_every_zone_libphonenumber_gives_for_a_number_of_its_area_codes() {
        PhoneNumberOfflineGeocoder places = PhoneNumberOfflineGeocoder.getInstance();
        PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
        int checked = 0;
        for (String prefix : ZonesByPrefix.mapPrefixes()) {
            if (!prefix.startsWith("1") || prefix.length() < 4) {
                continue;
            }
            String digits = (prefix + "5550100").substring(0, 11);
            PhoneNumber number = new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(digits.substring(1)));
            String place = places.getDescriptionForNumber(number, Locale.ENGLISH);
            Set<String> ofRegion = new HashSet<>();
            // "Boise, ID", "Indiana", or "Nova Scotia/Prince Edward Island": the part after the last comma
            for (String region : place.substring(place.lastIndexOf(", ") + 1).strip().split("/")) {
                ofRegion.addAll(RegionZones.of(region));
            }
            if (ofRegion.isEmpty()) {
                continue; // a city, or the whole country: no state to check
            }
            List<String> byNumber = zones.getTimeZonesForGeographicalNumber(number);
            assertThat(ofRegion).as("+" + digits + " in " + place).containsAll(byNumber);
            checked++;
        }
        assertThat(checked).as("numbers checked").isGreaterThan(300);
    }

    @Test
    void the_states_that_span_two_zones_list_at_least_two() {
        for (String state : List.of("IN", "KY", "TN", "MI", "FL", "ID", "OR", "NE", "KS", "ND", "SD", "TX", "AK")) {
            assertThat(RegionZones.of(state)).as(state).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            IN                                | America/New_York;America/Chicago
            us-in                             | America/New_York;America/Chicago
            indiana                           | America/New_York;America/Chicago
            Québec                            | America/Toronto;America/Halifax
            QUEBEC                            | America/Toronto;America/Halifax
            Île-du-Prince-Édouard             | America/Halifax
            Washington D.C.                   | America/New_York
            Bavaria                           | ''
            """)
    void a_state_or_province_is_found_by_its_code_or_name_in_any_case_and_accents(String cell, String zones) {
        assertThat(RegionZones.of(cell)).containsExactlyElementsOf(zones.isEmpty() ? List.of() : List.of(zones.split(";")));
    }
}
