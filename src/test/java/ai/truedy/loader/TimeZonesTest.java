package ai.truedy.loader;

import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The report counts the accepted contacts per time zone of their number: calling hours follow the recipient's. */
class TimeZonesTest extends LoaderTest {

    @Test
    void counts_accepted_contacts_per_time_zone_and_a_number_spanning_several_as_ambiguous() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(6, 0)));
        loader.drop("bc_1/country.csv", """
                phone,first_name
                +12127361001,New York
                +12127361002,New York
                +13105550100,Los Angeles
                +13125550100,Chicago
                +12085550100,"Idaho, an area code across a zone line"
                +61255550100,Sydney
                not a phone,Nobody
                """);

        loader.runOnce();

        JsonNode zones = loader.report("country").path("time_zones");
        assertThat(new ObjectMapper().convertValue(zones, Map.class)).as("only accepted contacts count").containsOnly(
                Map.entry("America/New_York", 2), Map.entry("America/Los_Angeles", 1),
                Map.entry("America/Chicago", 1), Map.entry("Australia/Sydney", 1), Map.entry("ambiguous", 1));
    }
}
