package ai.truedy.loader.contacts;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns a phone number as people and spreadsheets write it into E.164 with libphonenumber:
 * national formats of the default region, its international prefix ({@code 011 44 …} in the US),
 * {@code tel:} URIs, Excel's leading apostrophe, and a country code written without {@code +}
 * where the number is too long for the default region and valid with it. An extension is
 * dropped and reported. A local-only number (no area code) and a number a spreadsheet turned into
 * scientific notation are refused, whatever the validation mode.
 */
public final class PhoneNormalizer {

    /** How strict the check of a parsed number is: {@code loader.phone.validation}. */
    public enum Validation {
        /** libphonenumber's isPossibleNumber: the right length for its country (fictional 555 numbers pass). */
        POSSIBLE,
        /** libphonenumber's isValidNumber: an assigned range of its country. */
        VALID,
        /** Only the API's pattern {@code ^\+[1-9]\d{1,14}$}. */
        PATTERN;

        public static Validation of(String setting) {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        }
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("^[+-]?\\d+([.,]\\d+)?[eE][+-]?\\d+$");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final Validation validation;

    public PhoneNormalizer(String defaultRegion, Validation validation) {
        this.defaultRegion = defaultRegion;
        this.validation = validation;
    }

    /**
     * The outcome for one value: an E.164 number, or why there is none (to follow "phone number"),
     * and the extension that was dropped, if any.
     */
    public record Result(String e164, String problem, String droppedExtension) {
        public boolean ok() {
            return e164 != null;
        }

        static Result refused(String problem) {
            return new Result(null, problem, null);
        }
    }

    /** The country calling code of {@code loader.default-region} (1 for US and CA). */
    public int defaultCountryCode() {
        return util.getCountryCodeForRegion(defaultRegion);
    }

    public Result normalize(String raw) {
        String text = raw.strip();
        while (text.startsWith("'")) {
            text = text.substring(1).strip();
        }
        if ((text.indexOf('e') >= 0 || text.indexOf('E') >= 0) && SCIENTIFIC.matcher(text).matches()) {
            return Result.refused("was turned into scientific notation by a spreadsheet; its digits are lost");
        }
        Result asWritten = check(text);
        if (!asWritten.ok() && !text.contains("+") && !text.toLowerCase(Locale.ROOT).startsWith("tel:")) {
            Result withPlus = withCountryCodeWithoutPlus(text);
            if (withPlus != null) {
                return withPlus;
            }
        }
        return asWritten;
    }

    private Result check(String text) {
        PhoneNumber number;
        try {
            number = util.parse(text, defaultRegion);
        } catch (NumberParseException e) {
            return Result.refused(describe(e.getErrorType()));
        }
        ValidationResult possible = util.isPossibleNumberWithReason(number);
        if (possible == ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
            return Result.refused(describe(possible));
        }
        if (validation != Validation.PATTERN && possible != ValidationResult.IS_POSSIBLE) {
            return Result.refused(describe(possible));
        }
        if (validation == Validation.VALID && !util.isValidNumber(number)) {
            return Result.refused("is not a valid number in its country's numbering plan");
        }
        String e164 = util.format(number, PhoneNumberFormat.E164);
        if (!isApiNumber(e164)) {
            return Result.refused("is not an E.164 number");
        }
        return new Result(e164, null, number.hasExtension() ? number.getExtension() : null);
    }

    /** What the API's schema takes, {@code ^\\+[1-9]\\d{1,14}$}, checked without a regular expression (on every row). */
    static boolean isApiNumber(String e164) {
        if (e164.length() < 3 || e164.length() > 16 || e164.charAt(0) != '+' || e164.charAt(1) < '1' || e164.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < e164.length(); i++) {
            if (e164.charAt(i) < '0' || e164.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** "442079460958" in the US is too long for a US number, and a valid UK one with a plus. */
    private Result withCountryCodeWithoutPlus(String text) {
        try {
            PhoneNumber number = util.parse("+" + text, defaultRegion);
            if (!util.isValidNumber(number)) {
                return null;
            }
        } catch (NumberParseException e) {
            return null;
        }
        Result result = check("+" + text);
        return result.ok() ? result : null;
    }

    /** Phrased to follow "phone number". */
    private static String describe(ValidationResult result) {
        return switch (result) {
            case IS_POSSIBLE_LOCAL_ONLY -> "is a local number without area code";
            case INVALID_COUNTRY_CODE -> "has an unknown country code";
            case TOO_SHORT -> "is too short";
            case TOO_LONG -> "is too long";
            case INVALID_LENGTH -> "has the wrong length for its country";
            default -> "is not a possible number";
        };
    }

    private static String describe(NumberParseException.ErrorType error) {
        return switch (error) {
            case INVALID_COUNTRY_CODE -> "has an unknown country code";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short";
            case TOO_LONG -> "is too long";
            default -> "is not a phone number";
        };
    }
}
