package ai.truedy.loader.contacts;

import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The time zones a phone number may be in, from libphonenumber's own map
 * ({@link PhoneNumberToTimeZonesMapper}): several where the number's prefix spans a zone line (US
 * area code 208: Boise and Los Angeles), none where the map does not know it.
 */
public final class NumberZones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final ZonesByPrefix BY_PREFIX = new ZonesByPrefix(NumberZones::lookedUp);

    private NumberZones() {
    }

    /**
     * Every zone an E.164 number may be in; none when the map does not know it. The number is taken
     * apart by hand rather than parsed (a file may hold millions), and looked up by the prefix that
     * decides its zones ({@link ZonesByPrefix}).
     */
    public static List<String> of(String e164) {
        if (e164 == null || e164.isEmpty() || e164.charAt(0) != '+') {
            return List.of();
        }
        return BY_PREFIX.zonesOf(e164.substring(1)); // a number of the wrong length is refused by fromE164
    }

    /** {@link #of}, one number at a time, without {@link ZonesByPrefix}: what it remembers. */
    static List<String> lookedUp(String digits) {
        PhoneNumber number = fromE164("+" + digits);
        if (number == null) {
            return List.of();
        }
        List<String> zones = ZONES.getTimeZonesForGeographicalNumber(number);
        return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) ? List.of() : zones;
    }

    /**
     * The country code is the shortest prefix libphonenumber knows as one, the rest is the national
     * significant number, leading zeros kept.
     */
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
