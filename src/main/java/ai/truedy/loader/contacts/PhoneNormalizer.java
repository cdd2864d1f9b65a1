package ai.truedy.loader.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns a phone number as people write it into E.164 with libphonenumber. Numbers without a
 * country code are read in the default region. A number must be possible (right length for its
 * country) and dialable from anywhere: a local-only number, such as a US number without its area
 * code, is refused rather than sent as a short E.164 string.
 */
public final class PhoneNormalizer {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The outcome for one value: an E.164 number, or why there is none (to follow "phone number"). */
    public record Result(String e164, String problem) {
        public boolean ok() {
            return e164 != null;
        }
    }

    public Result normalize(String raw) {
        PhoneNumber number;
        try {
            number = util.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            return new Result(null, describe(e.getErrorType()));
        }
        ValidationResult possible = util.isPossibleNumberWithReason(number);
        if (possible != ValidationResult.IS_POSSIBLE) {
            return new Result(null, describe(possible));
        }
        return new Result(util.format(number, PhoneNumberFormat.E164), null);
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
