package ai.truedy.loader.contacts;

import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;

/**
 * libphonenumber's time zones of a number, remembered by the shortest prefix that decides them.
 * The library finds a number's zones by the longest of its prefixes in its map (1212 for New York,
 * 1208201 inside an area code that spans two zones), so every number that starts with a prefix no
 * entry of the map extends has the same zones. Looking a million numbers up one by one costs more
 * than the rest of the report; by prefix, a list of any size costs a few thousand lookups.
 * <p>
 * The map's prefixes are read from the library's own data as the library reads it. Should that
 * fail (its data moved), every number is looked up whole, as before: slower, never wrong.
 */
final class ZonesByPrefix {

    private static final String MAP_DATA = "/com/google/i18n/phonenumbers/timezones/data/map_data";
    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\|.*");
    /** Enough for every prefix a list reaches; cleared when full, so it stays small whatever the lists. */
    private static final int MAX_REMEMBERED = 1 << 14;

    /** Every proper beginning of a prefix in the map: a number's zones are decided by no such beginning. */
    private final Set<String> extended;
    private final Function<String, List<String>> lookup;
    private final Map<String, List<String>> remembered = new ConcurrentHashMap<>();

    /** @param lookup the zones of a number's digits (country code first), looked up whole */
    ZonesByPrefix(Function<String, List<String>> lookup) {
        this(mapPrefixes(), lookup);
    }

    /** @param prefixes the map's prefixes; null when they could not be read: nothing is remembered */
    ZonesByPrefix(Set<String> prefixes, Function<String, List<String>> lookup) {
        this.lookup = lookup;
        if (prefixes == null) {
            this.extended = null;
            return;
        }
        Set<String> beginnings = new HashSet<>();
        for (String prefix : prefixes) {
            for (int length = 1; length < prefix.length(); length++) {
                beginnings.add(prefix.substring(0, length));
            }
        }
        this.extended = beginnings;
    }

    /**
     * The zones of a number given as its digits, country code first (E.164 without the plus); the
     * same as the lookup's, remembered by the decisive prefix and the number's length.
     */
    List<String> zonesOf(String digits) {
        if (extended == null) {
            return lookup.apply(digits);
        }
        String decisive = decisivePrefix(digits) + '/' + digits.length();
        List<String> zones = remembered.get(decisive);
        if (zones == null) {
            zones = lookup.apply(digits);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(decisive, zones);
        }
        return zones;
    }

    /** The shortest beginning (3 digits at least: a country code) that no prefix of the map extends. */
    String decisivePrefix(String digits) {
        int length = Math.min(3, digits.length());
        while (length < digits.length() && extended.contains(digits.substring(0, length))) {
            length++;
        }
        return digits.substring(0, length);
    }

    /** The prefixes of libphonenumber's time zone map, from the data file it reads; null if it cannot be read. */
    static Set<String> mapPrefixes() {
        try (InputStream data = PrefixTimeZonesMap.class.getResourceAsStream(MAP_DATA)) {
            if (data == null) {
                return null;
            }
            PrefixTimeZonesMap map = new PrefixTimeZonesMap();
            try (ObjectInputStream in = new ObjectInputStream(data)) {
                map.readExternal(in);
            }
            Set<String> prefixes = new HashSet<>();
            for (String line : map.toString().split("\n")) {
                var entry = ENTRY.matcher(line);
                if (!entry.matches()) {
                    return null;
                }
                prefixes.add(entry.group(1));
            }
            return prefixes.isEmpty() ? null : prefixes;
        } catch (Exception unreadable) {
            return null;
        }
    }
}
