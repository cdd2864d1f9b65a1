package ai.truedy.loader.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text bound for the log: a phone number keeps its first five and last four
 * characters ({@code +1212***1000}), an email its first letter and domain ({@code j***@example.com}).
 * Used on every text the loader logs that it did not write itself, such as the API's messages.
 */
public final class LogSafe {

    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}])[^@\\s\"',;<>]*@([\\p{L}\\p{N}.-]+)");
    /** Digits with the separators people write, not inside a time such as 13:25:12.875732542Z. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d:.])\\+?\\d[\\d ().-]{5,}\\d(?![\\d:Z])");

    private LogSafe() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        Matcher phones = PHONE.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (phones.find()) {
            String digits = phones.group().replaceAll("[ ().-]", "");
            String replacement = digits.length() < 9 ? phones.group()
                    : digits.substring(0, 5) + "***" + digits.substring(digits.length() - 4);
            phones.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        phones.appendTail(out);
        return out.toString();
    }
}
