package ai.truedy.loader.contacts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict;
import ai.truedy.loader.model.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing rule as a table: the number's zones and the address's, the routing table, and where the contact goes. */
class ZoneRoutingTest {

    static final Map<String, String> WITH_SAFE = table(true);
    static final Map<String, String> WITHOUT_SAFE = table(false);

    static Map<String, String> table(boolean safe) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("loader.by-zone.east", "America/New_York, America/Toronto, America/Detroit");
        lines.put("loader.by-zone.central", "America/Chicago, America/Winnipeg");
        lines.put("loader.by-zone.mountain", "America/Denver, America/Boise, America/Phoenix, America/Edmonton");
        lines.put("loader.by-zone.west", "America/Los_Angeles, America/Vancouver");
        if (safe) {
            lines.put("loader.by-zone.safe", "ambiguous, unknown");
        }
        return lines;
    }

    @ParameterizedTest(name = "{0} time_zone={1} state={2} safe={3} -> {4}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # phone        | time_zone        | state       | safe  | goes to, or why not
            +12125550101   | -                | -           | true  | east
            +12125550101   | -                | NY          | true  | east
            +13125550101   | -                | Illinois    | false | central
            +12085550101   | -                | -           | true  | safe
            +12085550101   | -                | -           | false | its time zones America/Boise, America/Los_Angeles are listed under mountain and west, and no batch call is listed with ambiguous
            +12125550101   | -                | CA          | true  | safe
            +12125550101   | -                | ca          | false | its time zones America/Los_Angeles, America/New_York are listed under east and west, and no batch call is listed with ambiguous
            +12125550101   | America/Chicago  | -           | true  | safe
            +12125550101   | America/New_York | -           | false | east
            +12125550101   | EST5EDT          | -           | true  | its time zones America/New_York, EST5EDT: EST5EDT listed under no batch call (the others under east)
            +12125550101   | Eastern          | -           | true  | its time_zone 'Eastern' is not a time zone (an IANA name such as America/Chicago)
            +442079460101  | -                | -           | true  | its time zones Europe/London: Europe/London listed under no batch call
            +17805550101   | -                | Alberta     | false | mountain
            +15145550101   | -                | Québec      | true  | its time zones America/Halifax, America/Toronto: America/Halifax listed under no batch call (the others under east)
            +12125550101   | -                | Bavaria     | false | east
            """)
    void a_contact_goes_to_the_batch_call_listing_every_zone_it_may_be_in(String phone, String timeZone, String state,
                                                                          boolean safe, String expected) throws Exception {
        ZoneRouting routing = ZoneRouting.of(safe ? WITH_SAFE : WITHOUT_SAFE);
        ColumnMap columns = new ColumnMap(List.of(0), ColumnMap.ABSENT, ColumnMap.ABSENT, ColumnMap.ABSENT, ColumnMap.ABSENT,
                ColumnMap.ABSENT, 1, 2);
        try (ContactRows rows = new ContactRows(columns, new PhoneNormalizer("US", PhoneNormalizer.Validation.POSSIBLE),
                "bc_folder", null, DoNotCall.NONE, SentBefore.NONE, routing)) {
            RowVerdict verdict = rows.read(new SourceRow(2, new String[] {phone, orEmpty(timeZone), orEmpty(state)}));
            if (verdict instanceof RowVerdict.Ready ready) {
                assertThat(ready.batchCallId()).isEqualTo(expected);
            } else {
                RowVerdict.Rejected rejected = (RowVerdict.Rejected) verdict;
                assertThat(rejected.reason()).isEqualTo(RejectReason.TIME_ZONE_NOT_ROUTED);
                assertThat(rejected.detail()).isEqualTo(expected).doesNotContain(phone.substring(2));
            }
        }
    }

    @ParameterizedTest(name = "zones {0} safe={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                  | true  | safe
            ''                                  | false | -
            America/Chicago                     | false | central
            America/Chicago;America/Winnipeg    | false | central
            America/Chicago;America/New_York    | true  | safe
            America/Chicago;Pacific/Honolulu    | true  | -
            """)
    void unknown_and_ambiguous_go_to_their_batch_calls_only_when_one_is_listed(String zones, boolean safe, String expected)
            throws Exception {
        ZoneRouting.Route route = ZoneRouting.of(safe ? WITH_SAFE : WITHOUT_SAFE)
                .route(zones.isEmpty() ? List.of() : Arrays.asList(zones.split(";")));
        assertThat(route.batchCallId()).isEqualTo(expected.equals("-") ? null : expected);
        assertThat(route.problem() == null).isEqualTo(!expected.equals("-"));
    }

    @Test
    void refuses_a_name_that_is_not_a_zone_and_a_zone_under_two_batch_calls_naming_each() {
        Map<String, String> lines = new LinkedHashMap<>(WITHOUT_SAFE);
        lines.put("loader.by-zone.bc_east", "America/New_Yrok");
        lines.put("loader.by-zone.bc_central", "America/Chicago");
        lines.put("loader.by-zone.bc_none", " ");
        assertThatThrownBy(() -> ZoneRouting.of(lines)).isInstanceOf(ZoneRouting.Invalid.class)
                .hasMessageContaining("loader.by-zone.bc_east: America/New_Yrok is not a time zone")
                .hasMessageContaining("America/Chicago is listed under bc_central and central")
                .hasMessageContaining("loader.by-zone.bc_none lists no time zone");
    }

    @Test
    void no_lines_route_nothing() throws Exception {
        assertThat(ZoneRouting.of(Map.of()).isOn()).isFalse();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
