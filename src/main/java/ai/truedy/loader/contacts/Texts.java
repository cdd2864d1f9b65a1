package ai.truedy.loader.contacts;

import java.util.regex.Pattern;

/** Cleaning of the text cells sent to the API. */
public final class Texts {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private Texts() {
    }

    /** Trimmed, with runs of whitespace (tabs, line breaks, non-breaking spaces) made one space; null when blank. */
    public static String orNull(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (needsCollapsing(text)) {
            text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        }
        return text.isEmpty() ? null : text;
    }

    /** Most cells are clean; checking first keeps the regular expression off the hot path. */
    private static boolean needsCollapsing(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ';
            if (!space && (Character.isWhitespace(c) || c == '\u00A0')
                    || space && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }
}
