package ai.truedy.loader.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import ai.truedy.loader.intake.CsvDialect;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.roaringbitmap.longlong.Roaring64Bitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one do-not-call list: a CSV whose phone column is recognised as a contact file's is, or
 * plain text with one number per line, in any format the phone settings read, into a compressed
 * bitmap of the numbers' E.164 digits. A line that is no phone number is counted and ignored.
 */
final class DoNotCallListFile {

    private static final Logger LOG = LoggerFactory.getLogger(DoNotCallLists.class);

    private final PhoneNormalizer phones;
    private final boolean northAmerican;

    DoNotCallListFile(PhoneNormalizer phones) {
        this.phones = phones;
        this.northAmerican = phones.defaultCountryCode() == 1;
    }

    Roaring64Bitmap read(Path file) throws IOException {
        long started = System.nanoTime();
        Roaring64Bitmap numbers = new Roaring64Bitmap();
        int[] unreadable = {0};
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(64 * 1024);
            String first = reader.readLine();
            reader.reset();
            char delimiter = first == null ? ',' : CsvDialect.detect(first);
            int phoneColumn = first == null ? -1 : phoneColumn(first, delimiter);
            if (phoneColumn >= 0) {
                try (CSVParser csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader)) {
                    boolean header = true;
                    for (CSVRecord record : csv) {
                        if (!header && record.size() > phoneColumn) {
                            add(numbers, record.get(phoneColumn), unreadable);
                        }
                        header = false;
                    }
                }
            } else {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        add(numbers, line, unreadable);
                    }
                }
            }
        }
        numbers.runOptimize();
        LOG.info("Do-not-call list {}: {} numbers loaded in {} ms{}", file.getFileName(), numbers.getLongCardinality(),
                (System.nanoTime() - started) / 1_000_000,
                unreadable[0] == 0 ? "" : " (" + unreadable[0] + " lines were not phone numbers and are ignored)");
        return numbers;
    }

    private void add(Roaring64Bitmap numbers, String value, int[] unreadable) {
        long fast = fastDigits(value);
        if (fast >= 0) {
            numbers.addLong(fast);
            return;
        }
        PhoneNormalizer.Result result = phones.normalize(value);
        long digits = result.ok() ? digits(result.e164()) : -1;
        if (digits < 0) {
            unreadable[0]++;
        } else {
            numbers.addLong(digits);
        }
    }

    /**
     * Lists are long, and most are written one of two plain ways that need no parsing: E.164 ("+"
     * and 8 to 15 digits), or, where the default region is North American, ten digits with or
     * without the usual punctuation ("2127361001", "(212) 736-1001", "212.736.1001") or eleven
     * starting with 1. Their E.164 digits as one number, or -1 for libphonenumber to read.
     */
    private long fastDigits(String value) {
        long digits = 0;
        int count = 0;
        boolean plus = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > 15) {
                    return -1;
                }
                digits = digits * 10 + (c - '0');
            } else if (c == '+' && count == 0 && !plus) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\t') {
                return -1;
            }
        }
        if (plus) { // "+44 (0) 20 …": the trunk prefix in brackets is libphonenumber's to drop
            return count >= 8 && value.indexOf('(') < 0 && !value.strip().startsWith("+0") ? digits : -1;
        }
        if (northAmerican && count == 10 && digits / 1_000_000_000L >= 2) {
            return 10_000_000_000L + digits;
        }
        if (northAmerican && count == 11 && digits / 10_000_000_000L == 1 && digits / 1_000_000_000L % 10 >= 2) {
            return digits;
        }
        return -1;
    }

    /** The header's phone column, when the first line is a CSV header with one; else -1 (plain text). */
    private static int phoneColumn(String firstLine, char delimiter) {
        String[] cells = firstLine.split(Pattern.quote(String.valueOf(delimiter)), -1);
        for (int i = 0; i < cells.length; i++) {
            if (HeaderNames.fieldOf(cells[i]).filter(HeaderNames.Field::isPhone).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** The digits of an E.164 number as one number (at most 15 digits fit a long), or -1. */
    static long digits(String e164) {
        if (e164 == null || e164.length() < 2 || e164.length() > 16) {
            return -1;
        }
        try {
            return Long.parseLong(e164, 1, e164.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
