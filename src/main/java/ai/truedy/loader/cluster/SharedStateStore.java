package ai.truedy.loader.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import ai.truedy.loader.model.FileDigests;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.JournalKeys;
import ai.truedy.loader.state.StateStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store of cluster mode: journals and output names in PostgreSQL, so that any instance
 * resumes a file another one left, and content loaded by one is known to all for the duplicate
 * window. Journals are found as the local ones are: by the SHA-256 of the file's bytes (and name,
 * for a re-driven retry file), or, for a file that grew since its journal was started, by its path
 * among the unfinished journals. The scratch folder stays local, one per instance.
 */
public final class SharedStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateStore.class);

    private final ClusterDatabase db;
    private final FileClaims claims;
    private final Duration duplicateWindow;
    private final Path scratch;
    private final ObjectMapper json;
    private final JournalKeys keys;

    public SharedStateStore(ClusterDatabase db, FileClaims claims, Duration duplicateWindow, Path stateFolder,
                            ObjectMapper json, JournalKeys keys) throws IOException {
        this.keys = keys;
        this.db = db;
        this.claims = claims;
        this.duplicateWindow = duplicateWindow;
        this.json = json;
        // each instance its own: an instance that starts empties it, and instances may share loader.state
        this.scratch = StateStore.emptyScratch(stateFolder.resolve("scratch")
                .resolve(db.instanceId().replaceAll("[^A-Za-z0-9._-]", "_")));
    }

    @Override
    public FileJournal journal(Path file, boolean byName, String relativePath) throws IOException {
        long size = Files.size(file);
        String contentKey = StateStore.key(FileDigests.ofPrefix(file, size), file, byName);
        String exact = keys.forBatchCall(contentKey, relativePath);
        try {
            List<String> lines = lines(exact);
            if (lines.isEmpty()) {
                FileJournal legacy = legacy(contentKey, relativePath);
                if (legacy != null) {
                    return legacy;
                }
                for (String candidate : unfinishedAt(relativePath)) {
                    FileJournal earlier = journal(candidate, relativePath, lines(candidate));
                    Long hashed = earlier.hashedLength();
                    if (hashed != null && hashed <= size && keyedOn(candidate, file, hashed, byName, relativePath)) {
                        return earlier;
                    }
                }
            }
            return journal(exact, relativePath, lines);
        } catch (SQLException e) {
            throw ClusterDatabase.unavailable("read the journal of " + relativePath, e);
        }
    }

    private FileJournal journal(String key, String relativePath, List<String> lines) {
        SharedJournalLines kept = new SharedJournalLines(db, key, relativePath, claims, claims.epochOf(relativePath));
        return FileJournal.read(kept, lines, json, journal -> {
            FileJournal.Status status = journal.status(duplicateWindow);
            if (status == FileJournal.Status.EXTEND) {
                kept.index(true);
            }
        });
    }

    /** The journal of the same content from before journals were kept per batch call (0.1), if it was for this folder. */
    private FileJournal legacy(String contentKey, String relativePath) throws SQLException {
        List<String> lines = lines(contentKey);
        if (lines.isEmpty()) {
            return null;
        }
        FileJournal journal = journal(contentKey, relativePath, lines);
        FileJournal.Start start = journal.previousStart();
        return start != null && JournalKeys.sameBatchCall(start.file(), relativePath) ? journal : null;
    }

    /** Whether a journal was keyed on the file's first {@code length} bytes, by either key. */
    private boolean keyedOn(String key, Path file, long length, boolean byName, String relativePath) throws IOException {
        String contentKey = StateStore.key(FileDigests.ofPrefix(file, length), file, byName);
        return key.equals(keys.forBatchCall(contentKey, relativePath)) || key.equals(contentKey);
    }

    @Override
    public String keyOf(MessageDigest contentRead, Path file, boolean byName, String relativePath) {
        return keys.of(contentRead, file, byName, relativePath);
    }

    private List<String> lines(String key) throws SQLException {
        return db.column("SELECT line FROM loader_journal_lines WHERE journal_key = ? ORDER BY seq", key);
    }

    private List<String> unfinishedAt(String relativePath) throws SQLException {
        return db.column("SELECT journal_key FROM loader_journals WHERE path = ? AND unfinished ORDER BY updated_at DESC",
                relativePath);
    }


    @Override
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    @Override
    public Path scratchFolder() {
        return scratch;
    }

    /**
     * Forgets the journals of files finished longer ago than the duplicate window and the watch,
     * and the output names reserved before then.
     * The settle watch stays with the instance that archived a file, so none are handed back.
     */
    @Override
    public List<FileJournal> archivedWithin(Duration window) throws IOException {
        Duration keep = duplicateWindow.compareTo(window) > 0 ? duplicateWindow : window;
        try {
            int forgotten = db.update("DELETE FROM loader_journals WHERE NOT unfinished"
                    + " AND finished_at < now() - make_interval(secs => ?)", ClusterDatabase.seconds(keep));
            if (forgotten > 0) {
                LOG.info("Forgot {} files loaded more than {} ago", forgotten, keep);
            }
            // an old name stays taken by the outputs in the folders, which OutputNames looks at too
            db.update("DELETE FROM loader_output_names WHERE reserved_at < now() - make_interval(secs => ?)",
                    ClusterDatabase.seconds(keep));
        } catch (SQLException e) {
            LOG.warn("Cannot forget old journals now: {}", ClusterDatabase.rootMessage(e));
        }
        return List.of();
    }

    /** Takes an output name for good, for every instance. */
    @Override
    public boolean reserve(String name) {
        try {
            return db.update("INSERT INTO loader_output_names (name, reserved_by) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    name, db.instanceId()) == 1;
        } catch (SQLException e) {
            throw ClusterDatabase.unavailable("reserve the output name " + name, e);
        }
    }
}
