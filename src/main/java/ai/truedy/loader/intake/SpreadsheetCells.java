package ai.truedy.loader.intake;

import java.util.regex.Pattern;

/**
 * Keeps the CSV files the loader writes safe to open in a spreadsheet (OWASP "CSV injection"): a
 * cell that Excel or Sheets would run as a formula gets a leading apostrophe. Such a cell starts
 * with {@code =}, {@code @}, a tab or a CR, or with {@code +} or {@code -} followed by anything but
 * digits, spaces and phone punctuation ({@code +1 (212) 736-1000} stays as it is). Reading takes
 * the apostrophe off again, so a file written by the loader and dropped back reads to the same rows.
 */
public final class SpreadsheetCells {

    private static final Pattern PHONE_LIKE = Pattern.compile("[+-][0-9 ()./+-]*");

    private SpreadsheetCells() {
    }

    /** The cell as it is written to an output CSV. */
    public static String escape(String cell) {
        return cell != null && isFormula(cell) ? "'" + cell : cell;
    }

    /** The cell as it is read: an apostrophe the loader put before a formula-like cell is taken off. */
    public static String unescape(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && isFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean isFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return (first == '+' || first == '-') && !PHONE_LIKE.matcher(cell).matches();
    }
}
