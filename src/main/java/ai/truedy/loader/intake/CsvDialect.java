package ai.truedy.loader.intake;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settles a file's delimiter. Excel's {@code sep=;} first line wins and is skipped; then a
 * configured delimiter; with {@code auto}, whichever of comma, semicolon, tab and pipe the first
 * line that has any of them has most of outside quotes (comma when none has, or a line without
 * any is a one-column header): a title line above the header may have none.
 */
public final class CsvDialect {

    public static final String AUTO = "auto";
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final Pattern EXCEL_SEPARATOR = Pattern.compile("^\"?sep=(.)\"?\\s*$", Pattern.CASE_INSENSITIVE);

    private CsvDialect() {
    }

    /** Reads the {@code loader.csv.delimiter} setting: {@code auto}, one character, or {@code \t}/{@code tab}. */
    public static String parseSetting(String setting) {
        if (setting.equalsIgnoreCase(AUTO)) {
            return AUTO;
        }
        if (setting.equals("\\t") || setting.equalsIgnoreCase("tab")) {
            return "\t";
        }
        if (setting.length() == 1 && setting.charAt(0) != '"' && setting.charAt(0) != '\n' && setting.charAt(0) != '\r') {
            return setting;
        }
        throw new IllegalArgumentException("must be auto, tab or one character other than a quote");
    }

    /** @param search a one-column header (a line without delimiters that it accepts) ends the search for one */
    static char delimiter(RecordingReader text, String setting, HeaderSearch search) throws IOException {
        String firstLine = text.peekLine();
        Matcher excel = EXCEL_SEPARATOR.matcher(firstLine.strip());
        if (excel.matches()) {
            text.skipLine();
            return excel.group(1).charAt(0);
        }
        if (!AUTO.equals(setting)) {
            return setting.charAt(0);
        }
        Predicate<String> settles = line -> count(line) != null || search.isHeader().test(List.of(line));
        return text.peekLines(HeaderSearch.ROWS, settles).stream().filter(line -> count(line) != null).findFirst()
                .map(CsvDialect::detect).orElse(',');
    }

    /** Whichever of comma, semicolon, tab and pipe a header line has most of outside quotes (comma when none). */
    public static char detect(String headerLine) {
        int[] counts = count(headerLine);
        if (counts == null) {
            return ',';
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    /** How many of each candidate the line has outside quotes; null when it has none. */
    private static int[] count(String line) {
        int[] counts = new int[CANDIDATES.length];
        boolean any = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                        any = true;
                    }
                }
            }
        }
        return any ? counts : null;
    }
}
