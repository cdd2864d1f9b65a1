package ai.truedy.loader.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.intake.CsvDialect;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.roaringbitmap.longlong.Roaring64Bitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The do-not-call lists in {@code loader.dnc.dir}: each file is a list, a CSV whose phone column is
 * recognised as a contact file's is, or plain text with one number per line, in any format the
 * phone settings read. Each list's numbers are kept as a compressed bitmap of their E.164 digits
 * (RoaringBitmap's 64-bit map), so ten million numbers take tens of megabytes, not gigabytes.
 * {@link #refresh()} loads a list that was added or changed and forgets one that was removed; until
 * a list is loaded again, the one before stays in force. With {@code loader.dnc.max-age} set, a
 * list whose file is older than that makes the lists {@link #stale()}: nothing is sent until a
 * fresh one arrives.
 */
public final class DoNotCallLists implements DoNotCall {

    private static final Logger LOG = LoggerFactory.getLogger(DoNotCallLists.class);

    private record Loaded(long size, long modified, Roaring64Bitmap numbers) {
    }

    private final Path folder;
    private final PhoneNormalizer phones;
    private final Duration maxAge;
    private final boolean northAmerican;
    private volatile Map<String, Loaded> lists = Map.of();
    private volatile String staleBefore;

    /**
     * @param folder {@code loader.dnc.dir}, or null when there are no lists
     * @param maxAge {@code loader.dnc.max-age}; zero: the age of a list is not checked
     */
    public DoNotCallLists(Path folder, PhoneNormalizer phones, Duration maxAge) {
        this.folder = folder;
        this.phones = phones;
        this.maxAge = maxAge;
        this.northAmerican = phones.defaultCountryCode() == 1;
    }

    @Override
    public String listedIn(String e164) {
        long digits = digits(e164);
        if (digits < 0) {
            return null;
        }
        for (Map.Entry<String, Loaded> list : lists.entrySet()) {
            if (list.getValue().numbers().contains(digits)) {
                return list.getKey();
            }
        }
        return null;
    }

    /**
     * Loads what was added or changed, forgets what was removed; returns whether anything changed.
     * A list that cannot be read now keeps the numbers it had (a list still being copied is read
     * again at the next look).
     */
    public synchronized boolean refresh() {
        if (folder == null) {
            return false;
        }
        Map<String, Loaded> now = new TreeMap<>();
        boolean changed = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Files.createDirectories(folder), DoNotCallLists::isList)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Loaded before = lists.get(name);
                try {
                    long size = Files.size(file);
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    if (before != null && before.size() == size && before.modified() == modified) {
                        now.put(name, before);
                        continue;
                    }
                    now.put(name, load(file, size, modified));
                    changed = true;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Cannot read the do-not-call list {} now ({}); {}", name, e.getMessage(),
                            before == null ? "it is read again at the next look" : "the numbers it had stay in force");
                    if (before != null) {
                        now.put(name, before);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot look at the do-not-call lists in {} now ({}); those loaded stay in force", folder, e.getMessage());
            return false;
        }
        changed |= !now.keySet().containsAll(lists.keySet());
        for (String gone : lists.keySet()) {
            if (!now.containsKey(gone)) {
                LOG.info("Do-not-call list {} was removed: its numbers are no longer suppressed", gone);
            }
        }
        lists = new LinkedHashMap<>(now);
        checkAge();
        return changed;
    }

    /** Why nothing may be sent now (a list older than {@code loader.dnc.max-age}), or null. */
    public String stale() {
        return staleBefore;
    }

    /** How many numbers the lists hold, together. */
    public long numbers() {
        return lists.values().stream().mapToLong(list -> list.numbers().getLongCardinality()).sum();
    }

    private void checkAge() {
        if (maxAge.isZero()) {
            return;
        }
        Instant oldest = Instant.now().minus(maxAge);
        String stale = null;
        for (Map.Entry<String, Loaded> list : lists.entrySet()) {
            if (Instant.ofEpochMilli(list.getValue().modified()).isBefore(oldest)) {
                stale = "the do-not-call list " + list.getKey() + " is older than loader.dnc.max-age (" + maxAge
                        + "; its file was last changed " + Instant.ofEpochMilli(list.getValue().modified()) + ")";
                break;
            }
        }
        if (stale != null && staleBefore == null) {
            LOG.error("Nothing is sent until a fresh list arrives: {}. Batches wait in retry/.", stale);
        } else if (stale == null && staleBefore != null) {
            LOG.info("The do-not-call lists are fresh again: sending goes on");
        }
        staleBefore = stale;
    }

    private Loaded load(Path file, long size, long modified) throws IOException {
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
        return new Loaded(size, modified, numbers);
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
        String[] cells = firstLine.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        for (int i = 0; i < cells.length; i++) {
            if (HeaderNames.fieldOf(cells[i]).filter(HeaderNames.Field::isPhone).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** The digits of an E.164 number as one number (at most 15 digits fit a long), or -1. */
    private static long digits(String e164) {
        if (e164 == null || e164.length() < 2 || e164.length() > 16) {
            return -1;
        }
        try {
            return Long.parseLong(e164, 1, e164.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isList(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && Files.isRegularFile(file);
    }
}
