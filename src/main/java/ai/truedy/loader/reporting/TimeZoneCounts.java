package ai.truedy.loader.reporting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.contacts.NumberZones;

/**
 * The time zones a file's accepted contacts live in, from libphonenumber's own map
 * ({@link NumberZones}): calling hours follow the recipient's local time. A
 * number whose prefix spans several zones (a US area code across a zone line, a country with
 * several) counts as {@value #AMBIGUOUS}; one the map does not know as {@value #UNKNOWN}.
 */
final class TimeZoneCounts {

    static final String AMBIGUOUS = "ambiguous";
    static final String UNKNOWN = "unknown";

    private final Map<String, Long> counts = new TreeMap<>();

    /** Counts one accepted contact by its E.164 number. */
    void add(String e164) {
        counts.merge(zoneOf(e164), 1L, Long::sum);
    }

    /** The counts so far, by zone name. */
    Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** The zone of an E.164 number: its one zone, else {@value #AMBIGUOUS} or {@value #UNKNOWN}. */
    static String zoneOf(String e164) {
        List<String> zones = NumberZones.of(e164);
        if (zones.isEmpty()) {
            return UNKNOWN;
        }
        return zones.size() == 1 ? zones.get(0) : AMBIGUOUS;
    }
}
