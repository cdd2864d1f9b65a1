package ai.truedy.loader.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import ai.truedy.loader.model.FileDigests;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The state store of a preview ({@code --preview}), which reads and never writes: a file's content
 * loaded lately for its batch call is found in the local journals as a load would find it (and
 * skipped as its duplicate); any other file gets a journal that keeps nothing. No output name is
 * reserved, and the working tables of numbers go to the preview's own scratch folder, since a
 * running loader's is emptied when a store opens.
 */
public final class PreviewJournals implements StateStore {

    private final Path stateFolder;
    private final Duration duplicateWindow;
    private final JournalKeys keys;
    private final Path scratch;
    private final ObjectMapper json;

    /**
     * @param stateFolder {@code loader.state}, only read; in cluster mode null: the cluster's journals are not looked at
     * @param scratch     where a previewed file's numbers seen so far are kept
     */
    public PreviewJournals(Path stateFolder, Duration duplicateWindow, JournalKeys keys, Path scratch, ObjectMapper json)
            throws IOException {
        this.stateFolder = stateFolder;
        this.duplicateWindow = duplicateWindow;
        this.keys = keys;
        this.scratch = StateStore.emptyScratch(scratch);
        this.json = json;
    }

    @Override
    public FileJournal journal(Path file, boolean byName, String relativePath) throws IOException {
        FileJournal earlier = stateFolder == null ? null
                : loadedWithin(stateFolder, file, byName, relativePath, duplicateWindow, keys, json);
        return earlier != null ? earlier : FileJournal.read(new KeptNowhere(relativePath), List.of(), json, journal -> { });
    }

    /**
     * For a preview, which opens no store and writes nothing: the journal of the same content when
     * it was loaded within {@code window}, so that a load would skip the file as its duplicate; else null.
     *
     * @param byName a re-driven retry file, known by its name too
     */
    private static FileJournal loadedWithin(Path stateFolder, Path file, boolean byName, String relativePath,
                                           Duration window, JournalKeys keys, ObjectMapper json) throws IOException {
        Path folder = stateFolder.resolve(FileJournals.FILES);
        String contentKey = JournalKeys.contentOnly(FileDigests.ofPrefix(file, Files.size(file)), file, byName);
        Path path = FileJournals.journalOf(folder, keys.forBatchCall(contentKey, relativePath));
        Path legacy = FileJournals.journalOf(folder, contentKey);
        FileJournal journal = Files.exists(path) ? FileJournals.read(path, json, changed -> { })
                : Files.exists(legacy) ? FileJournals.read(legacy, json, changed -> { }) : null;
        boolean sameBatchCall = journal != null && (Files.exists(path) || journal.previousStart() != null
                && JournalKeys.sameBatchCall(journal.previousStart().file(), relativePath));
        return sameBatchCall && journal.status(window) == FileJournal.Status.DUPLICATE ? journal : null;
    }

    @Override
    public String keyOf(MessageDigest contentRead, Path file, boolean byName, String relativePath) {
        return keys.of(contentRead, file, byName, relativePath);
    }

    @Override
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    @Override
    public Path scratchFolder() {
        return scratch;
    }

    @Override
    public List<FileJournal> archivedWithin(Duration window) {
        return List.of();
    }

    /** A preview names its outputs as the file is named, and replaces them: nothing is reserved. */
    @Override
    public boolean reserve(String name) {
        return true;
    }

    /** The lines of a previewed file's journal: none is kept. */
    private record KeptNowhere(String file) implements JournalLines {
        @Override
        public void begin(String line) {
        }

        @Override
        public void settled(String line) {
        }

        @Override
        public void append(String line) {
        }

        @Override
        public void rekey(String key) {
        }

        @Override
        public String describe() {
            return "the preview of " + file + " (kept nowhere)";
        }

        @Override
        public void close() {
        }
    }
}
