package ai.truedy.loader;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** loader.default-region and loader.phone.validation change how numbers are read and checked. */
class PhoneSettingsTest extends LoaderTest {

    static final String NUMBERS = """
            phone
            +1 555 010 9999
            +1 212 736 100
            """;

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void reads_national_numbers_and_the_international_prefix_of_the_default_region() throws Exception {
        loader.with("loader.default-region", "DE").drop("bc_1/de.csv", """
                phone
                030 1234567
                0044 20 7946 0958
                +1 212 736 1000
                """);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+49301234567", "+442079460958", "+12127361000");
    }

    @Test
    void possible_lets_fictional_numbers_through_and_refuses_numbers_of_the_wrong_length() throws Exception {
        loader.with("loader.phone.validation", "possible").drop("bc_1/numbers.csv", NUMBERS);

        loader.runOnce();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+15550109999");
        assertThat(loader.rejectedRows("numbers")).singleElement()
                .satisfies(row -> assertThat(row.get("detail")).isEqualTo("phone number is too short"));
    }

    @Test
    void valid_refuses_numbers_outside_assigned_ranges() throws Exception {
        loader.with("loader.phone.validation", "valid").drop("bc_1/numbers.csv", NUMBERS);

        loader.runOnce();

        assertThat(TruedyApi.sentPhones(api)).isEmpty();
        assertThat(loader.rejectedRows("numbers")).extracting(row -> row.get("detail")).containsExactly(
                "phone number is not a valid number in its country's numbering plan", "phone number is too short");
    }

    @Test
    void pattern_checks_only_the_api_pattern_but_still_refuses_local_only_numbers() throws Exception {
        loader.with("loader.phone.validation", "pattern").drop("bc_1/numbers.csv", NUMBERS + "736-1000\n");

        loader.runOnce();

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+15550109999", "+1212736100");
        assertThat(loader.rejectedRows("numbers")).singleElement()
                .satisfies(row -> assertThat(row.get("detail")).isEqualTo("phone number is a local number without area code"));
    }
}
