package ai.truedy.loader.reporting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The time zones a file's accepted contacts live in, from libphonenumber's own map
 * ({@link PhoneNumberToTimeZonesMapper}): calling hours follow the recipient's local time. A
 * number whose prefix spans several zones (a US area code across a zone line, a country with
 * several) counts as {@value #AMBIGUOUS}; one the map does not know as {@value #UNKNOWN}.
 */
final class TimeZoneCounts {

    static final String AMBIGUOUS = "ambiguous";
    static final String UNKNOWN = "unknown";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final ZonesByPrefix BY_PREFIX = new ZonesByPrefix(TimeZoneCounts::lookedUp);

    private final Map<String, Long> counts = new TreeMap<>();

    /** Counts one accepted contact by its E.164 number. */
    void add(String e164) {
        counts.merge(zoneOf(e164), 1L, Long::sum);
    }

    /** The counts so far, by zone name. */
    Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /**
     * The zone of an E.164 number. It is taken apart by hand rather than parsed (a file may hold
     * millions): the country code is the shortest prefix libphonenumber knows as one, the rest is
     * the national significant number, leading zeros kept; the zones are then looked up by prefix.
     */
    static String zoneOf(String e164) {
        List<String> zones = zonesOf(e164);
        if (zones.isEmpty()) {
            return UNKNOWN;
        }
        return zones.size() == 1 ? zones.get(0) : AMBIGUOUS;
    }

    /** Every zone an E.164 number may be in; none when the map does not know it. */
    static List<String> zonesOf(String e164) {
        if (e164 == null || e164.isEmpty() || e164.charAt(0) != '+') {
            return List.of();
        }
        return BY_PREFIX.zonesOf(e164.substring(1)); // a number of the wrong length is refused by fromE164
    }

    /** {@link #zonesOf}, one number at a time, without {@link ZonesByPrefix}: what it remembers. */
    static List<String> lookedUp(String digits) {
        PhoneNumber number = fromE164("+" + digits);
        if (number == null) {
            return List.of();
        }
        List<String> zones = ZONES.getTimeZonesForGeographicalNumber(number);
        return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) ? List.of() : zones;
    }

    private static PhoneNumber fromE164(String e164) {
        if (e164 == null || e164.length() < 3 || e164.length() > 16 || e164.charAt(0) != '+') {
            return null;
        }
        for (int digits = 1; digits <= 3 && digits < e164.length() - 1; digits++) {
            int countryCode = Integer.parseInt(e164, 1, 1 + digits, 10);
            if (PHONES.getRegionCodeForCountryCode(countryCode).equals("ZZ")
                    && !PHONES.getSupportedGlobalNetworkCallingCodes().contains(countryCode)) {
                continue;
            }
            String national = e164.substring(1 + digits);
            int zeros = 0;
            while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                zeros++;
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
            if (zeros > 0) {
                number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
            }
            return number;
        }
        return null;
    }
}
