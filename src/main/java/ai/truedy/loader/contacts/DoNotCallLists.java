package ai.truedy.loader.contacts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.model.RegularFile;
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

    /** One list as the console shows it: its file name, how many numbers, when its file was last changed. */
    public record ListStatus(String name, long numbers, Instant changed, boolean stale) {
    }

    private final Path folder;
    private final Duration maxAge;
    private final DoNotCallListFile reader;
    private final java.util.Set<Path> refusedSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Map<String, Loaded> lists = Map.of();
    private volatile String staleBefore;

    /**
     * @param folder {@code loader.dnc.dir}, or null when there are no lists
     * @param maxAge {@code loader.dnc.max-age}; zero: the age of a list is not checked
     */
    public DoNotCallLists(Path folder, PhoneNormalizer phones, Duration maxAge) {
        this.folder = folder;
        this.reader = new DoNotCallListFile(phones);
        this.maxAge = maxAge;
    }

    @Override
    public String listedIn(String e164) {
        long digits = DoNotCallListFile.digits(e164);
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
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Files.createDirectories(folder), this::isList)) {
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

    /** The lists loaded, by file name; a list is stale when it is older than {@code loader.dnc.max-age}. */
    public List<ListStatus> lists() {
        Instant oldest = maxAge.isZero() ? Instant.MIN : Instant.now().minus(maxAge);
        return lists.entrySet().stream().map(list -> new ListStatus(list.getKey(),
                list.getValue().numbers().getLongCardinality(), Instant.ofEpochMilli(list.getValue().modified()),
                Instant.ofEpochMilli(list.getValue().modified()).isBefore(oldest))).toList();
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
        return new Loaded(size, modified, reader.read(file));
    }

    /** A list is a regular file in the folder: a symbolic link is not followed, and is said once in the log. */
    private boolean isList(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        String notRegular = RegularFile.refusal(file, folder);
        if (notRegular != null && refusedSeen.add(file)) {
            LOG.warn("Not reading {} as a do-not-call list: {}", file, notRegular);
        }
        return notRegular == null && Files.isRegularFile(file);
    }
}
