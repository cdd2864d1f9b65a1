package ai.truedy.loader.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import ai.truedy.loader.model.FileDigests;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the journal of a file by the SHA-256 of its bytes for its batch call ({@link JournalKeys}),
 * so the same content is known for the same batch call whatever its name. A re-driven retry file
 * is known by its name too, since two rounds may hold the same rows. A file that grew since its
 * journal was started (a copy that was still being written, an archived original that grew) is
 * found by its path and the hash of the bytes its journal was keyed on. Journals of files done longer ago than the duplicate window are forgotten
 * at start.
 */
public final class FileJournals implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileJournals.class);
    /** The folder below {@code loader.state} that holds the journals. */
    static final String FILES = "files";

    private final Path folder;
    private final Path scratch;
    private final Duration duplicateWindow;
    private final ObjectMapper json;
    /** Journals of files that are not done (interrupted, or grown after archiving), by their path in the inbox. */
    private final Map<String, Path> unfinished = new ConcurrentHashMap<>();
    /** Output names taken by this process; names taken before are known by the files in the folders. */
    private final Set<String> reserved = new HashSet<>();
    private final JournalsInUse inUse;
    private final JournalKeys keys;

    /** @param stopping whether the loader is stopping: a file waiting for one with the same content then stops waiting */
    public FileJournals(Path stateFolder, Duration duplicateWindow, ObjectMapper json, JournalKeys keys,
                        BooleanSupplier stopping) throws IOException {
        this.keys = keys;
        this.inUse = new JournalsInUse(stopping);
        this.folder = Files.createDirectories(stateFolder.resolve(FILES));
        this.scratch = StateStore.emptyScratch(stateFolder.resolve("scratch"));
        this.duplicateWindow = duplicateWindow;
        this.json = json;
    }

    @Override
    public Path scratchFolder() {
        return scratch;
    }

    @Override
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    @Override
    public FileJournal journal(Path file, boolean byName, String relativePath) throws IOException {
        long size = Files.size(file);
        String contentKey = JournalKeys.contentOnly(FileDigests.ofPrefix(file, size), file, byName);
        Path exact = journalOf(folder, keys.forBatchCall(contentKey, relativePath));
        inUse.take(exact, relativePath); // the file's until its journal is closed
        try {
            if (Files.exists(exact)) {
                return read(exact, relativePath);
            }
            FileJournal legacy = legacy(journalOf(folder, contentKey), exact, relativePath);
            if (legacy != null) {
                return legacy;
            }
            Path earlier = unfinished.get(relativePath);
            if (earlier != null && Files.exists(earlier)) {
                FileJournal journal = read(earlier, null); // the path's own: no other file has it
                Long hashed = journal.hashedLength();
                if (hashed != null && hashed <= size && keyedOn(earlier, file, hashed, byName, relativePath)) {
                    inUse.release(exact, relativePath);
                    return journal;
                }
            }
            return read(exact, relativePath);
        } catch (IOException | RuntimeException e) {
            inUse.release(exact, relativePath);
            throw e;
        }
    }

    /**
     * The journal of the same content written before journals were kept per batch call (0.1), when
     * it was for a file of the same folder; it is the file's instead of {@code exact} until it is
     * closed (once done, it is known by its new key). Null when there is none for this batch call.
     */
    private FileJournal legacy(Path legacy, Path exact, String relativePath) throws IOException {
        if (!Files.exists(legacy)) {
            return null;
        }
        FileJournal.Start start = read(legacy, json, changed -> { }).previousStart();
        if (start == null || !JournalKeys.sameBatchCall(start.file(), relativePath)) {
            return null;
        }
        inUse.take(legacy, relativePath);
        inUse.release(exact, relativePath);
        try {
            return read(legacy, relativePath);
        } catch (IOException | RuntimeException e) {
            inUse.release(legacy, relativePath);
            throw e;
        }
    }

    /** Whether a journal found by its path was keyed on the file's first {@code length} bytes, by either key. */
    private boolean keyedOn(Path journal, Path file, long length, boolean byName, String relativePath) throws IOException {
        String contentKey = JournalKeys.contentOnly(FileDigests.ofPrefix(file, length), file, byName);
        return journal.equals(journalOf(folder, keys.forBatchCall(contentKey, relativePath)))
                || journal.equals(journalOf(folder, contentKey));
    }

    @Override
    public String keyOf(MessageDigest contentRead, Path file, boolean byName, String relativePath) {
        return keys.of(contentRead, file, byName, relativePath);
    }

    @Override
    public synchronized boolean reserve(String name) {
        return reserved.add(name);
    }

    /** Also remembers the unfinished journals by path, for files that grew since. */
    @Override
    public List<FileJournal> archivedWithin(Duration watchWindow) throws IOException {
        Instant forgetBefore = Instant.now().minus(duplicateWindow);
        Instant watchFrom = Instant.now().minus(watchWindow);
        List<FileJournal> recentlyDone = new ArrayList<>();
        int forgotten = 0;
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*.journal")) {
            for (Path path : journals) {
                FileJournal journal = read(path, null);
                FileJournal.Done done = journal.previousDone();
                FileJournal.Status status = journal.status(duplicateWindow);
                if (status == FileJournal.Status.RESUME || status == FileJournal.Status.EXTEND) {
                    continue; // read() has indexed it
                }
                Instant finished = done == null ? null : Instant.parse(done.finishedAt());
                if (finished != null && finished.isBefore(forgetBefore) && finished.isBefore(watchFrom)) {
                    Files.deleteIfExists(path);
                    forgotten++;
                } else if (finished != null && finished.isAfter(watchFrom)) {
                    recentlyDone.add(journal);
                }
            }
        }
        if (forgotten > 0) {
            LOG.info("Forgot {} files loaded more than {} ago", forgotten, duplicateWindow);
        }
        return recentlyDone;
    }


    /**
     * Reads a journal, up to a line the process died while writing (that batch was not settled).
     *
     * @param file the file it is read for, by its path in the inbox, which then writes it
     */
    private FileJournal read(Path path, String file) throws IOException {
        FileJournal journal = read(new LocalJournalLines(path, inUse, file), json, this::index);
        index(journal);
        return journal;
    }

    static FileJournal read(Path path, ObjectMapper json, Consumer<FileJournal> onChange) throws IOException {
        return read(new LocalJournalLines(path), json, onChange);
    }

    private static FileJournal read(LocalJournalLines lines, ObjectMapper json, Consumer<FileJournal> onChange)
            throws IOException {
        Path path = lines.path();
        List<String> kept = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        return FileJournal.read(lines, kept, json, onChange);
    }

    /** Where the journal known by a key is kept. */
    static Path journalOf(Path folder, String key) {
        return folder.resolve(key + ".journal");
    }

    private static Path pathOf(FileJournal journal) {
        return ((LocalJournalLines) journal.lines()).path();
    }

    /** Keeps the path index in step with the journal's state. */
    private void index(FileJournal journal) {
        FileJournal.Start start = journal.previousStart();
        if (start == null) {
            return;
        }
        FileJournal.Status status = journal.status(duplicateWindow);
        if (status == FileJournal.Status.RESUME || status == FileJournal.Status.EXTEND) {
            unfinished.put(start.file(), pathOf(journal));
        } else {
            unfinished.remove(start.file()); // a path holds one file at a time
        }
    }
}
