package ai.truedy.loader.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import ai.truedy.loader.state.JournalLines;
import ai.truedy.loader.state.JournalUnavailableException;

/**
 * A file's journal as rows of {@code loader_journal_lines}. While the file is being loaded, each
 * line is written in one transaction with a check that this instance still holds the file's claim
 * at the epoch it took (the fence), and a batch's line also advances the file's progress
 * ({@code loader_journals.settled_batches}) in that same transaction. A line that cannot be kept
 * (fenced, or the database out of reach) fails with {@link JournalUnavailableException}. Once the
 * file is done the journal is known by the digest of its content and the fence is lifted: the
 * lines written after (growth of the archived original) belong to no claim.
 */
final class SharedJournalLines implements JournalLines {

    private final ClusterDatabase db;
    private final String path;
    private final FileClaims claims;
    private volatile String key;
    private volatile Long epoch;

    /**
     * @param path  the file's path in the inbox
     * @param epoch the epoch of this instance's claim on it, or null when the file is not claimed here
     */
    SharedJournalLines(ClusterDatabase db, String key, String path, FileClaims claims, Long epoch) {
        this.db = db;
        this.key = key;
        this.path = path;
        this.claims = claims;
        this.epoch = epoch;
    }

    @Override
    public void begin(String line) throws IOException {
        write("start", connection -> {
            String elsewhere = loadingElsewhere(connection);
            if (elsewhere != null) {
                throw new SameContentElsewhere(elsewhere);
            }
            ClusterDatabase.update(connection, """
                    INSERT INTO loader_journals (journal_key, path, unfinished) VALUES (?, ?, true)
                    ON CONFLICT (journal_key) DO UPDATE SET path = EXCLUDED.path, unfinished = true,
                        settled_batches = 0, finished_at = null, updated_at = now()""", key, path);
            ClusterDatabase.update(connection, "DELETE FROM loader_journal_lines WHERE journal_key = ?", key);
            insert(connection, line);
        });
    }

    @Override
    public void settled(String line) throws IOException {
        write("a settled batch", connection -> {
            insert(connection, line);
            ClusterDatabase.update(connection,
                    "UPDATE loader_journals SET settled_batches = settled_batches + 1, updated_at = now() WHERE journal_key = ?",
                    key);
        });
    }

    @Override
    public void append(String line) throws IOException {
        write("a line", connection -> insert(connection, line));
    }

    @Override
    public void rekey(String newKey) throws IOException {
        write("the end", connection -> {
            if (!newKey.equals(key)) {
                ClusterDatabase.update(connection, "DELETE FROM loader_journals WHERE journal_key = ?", newKey);
            }
            ClusterDatabase.update(connection, """
                    UPDATE loader_journals SET journal_key = ?, unfinished = false, finished_at = now(), updated_at = now()
                    WHERE journal_key = ?""", newKey, key);
        });
        key = newKey;
        epoch = null; // done: what comes after belongs to no claim
    }

    /** Marks the journal unfinished again (its archived original grew) or finished, for the path index. */
    void index(boolean unfinished) {
        try {
            db.update("UPDATE loader_journals SET unfinished = ?, path = ?, updated_at = now() WHERE journal_key = ?",
                    unfinished, path, key);
        } catch (SQLException e) {
            throw new JournalUnavailableException("cannot index the journal of " + path + ": "
                    + ClusterDatabase.rootMessage(e), e);
        }
    }

    @Override
    public boolean held() {
        Long taken = epoch;
        return taken == null || claims.holds(path, taken);
    }

    @Override
    public String describe() {
        return "the cluster journal of " + path;
    }

    @Override
    public void close() {
        // nothing is open between lines
    }

    String key() {
        return key;
    }

    /**
     * The path of another file with the same content that a live claim is loading now, or null: the
     * same content dropped twice at once is loaded once, and the second file then counts as a duplicate.
     */
    private String loadingElsewhere(Connection connection) throws SQLException {
        try (PreparedStatement find = ClusterDatabase.prepare(connection, """
                SELECT j.path FROM loader_journals j JOIN loader_claims c ON c.path = j.path
                WHERE j.journal_key = ? AND j.unfinished AND j.path <> ?
                  AND c.heartbeat_at >= now() - make_interval(secs => ?)
                FOR UPDATE OF j""", key, path, ClusterDatabase.seconds(claims.lease()));
             ResultSet found = find.executeQuery()) {
            return found.next() ? found.getString(1) : null;
        }
    }

    /** Thrown inside the transaction, so that nothing of it is kept. */
    private static final class SameContentElsewhere extends SQLException {
        SameContentElsewhere(String path) {
            super(path, "LD001"); // not a connection failure
        }
    }

    private void insert(Connection connection, String line) throws SQLException {
        ClusterDatabase.update(connection, "INSERT INTO loader_journal_lines (journal_key, line) VALUES (?, ?)", key, line);
    }

    private interface Lines {
        void write(Connection connection) throws SQLException;
    }

    /** Writes in one transaction, fenced while the file is claimed here. */
    private void write(String what, Lines lines) {
        Long taken = epoch;
        boolean kept;
        try {
            kept = db.inTransaction(connection -> {
                if (taken != null) {
                    if (ClusterDatabase.update(connection, "UPDATE loader_claims SET heartbeat_at = now()"
                            + " WHERE path = ? AND owner = ? AND epoch = ?", path, db.instanceId(), taken) != 1) {
                        return false;
                    }
                }
                lines.write(connection);
                return true;
            });
        } catch (SameContentElsewhere e) {
            throw new JournalUnavailableException("the same content is being loaded as " + e.getMessage()
                    + " by another instance; " + path + " waits in the inbox and then counts as its duplicate");
        } catch (SQLException e) {
            throw new JournalUnavailableException("cannot journal " + what + " of " + path + ": "
                    + ClusterDatabase.rootMessage(e), e);
        }
        if (!kept) {
            throw new JournalUnavailableException("another instance has taken " + path + " over (this instance's"
                    + " claim at epoch " + taken + " lapsed): " + what + " is not journaled here");
        }
    }
}
