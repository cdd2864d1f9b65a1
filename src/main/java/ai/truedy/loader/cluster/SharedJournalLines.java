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
            try (PreparedStatement journal = connection.prepareStatement("""
                    INSERT INTO loader_journals (journal_key, path, unfinished) VALUES (?, ?, true)
                    ON CONFLICT (journal_key) DO UPDATE SET path = EXCLUDED.path, unfinished = true,
                        settled_batches = 0, finished_at = null, updated_at = now()""");
                 PreparedStatement forget = connection.prepareStatement(
                         "DELETE FROM loader_journal_lines WHERE journal_key = ?")) {
                journal.setString(1, key);
                journal.setString(2, path);
                journal.executeUpdate();
                forget.setString(1, key);
                forget.executeUpdate();
            }
            insert(connection, line);
        });
    }

    @Override
    public void settled(String line) throws IOException {
        write("a settled batch", connection -> {
            insert(connection, line);
            try (PreparedStatement progress = connection.prepareStatement(
                    "UPDATE loader_journals SET settled_batches = settled_batches + 1, updated_at = now() WHERE journal_key = ?")) {
                progress.setString(1, key);
                progress.executeUpdate();
            }
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
                try (PreparedStatement replace = connection.prepareStatement(
                        "DELETE FROM loader_journals WHERE journal_key = ?")) {
                    replace.setString(1, newKey);
                    replace.executeUpdate();
                }
            }
            try (PreparedStatement done = connection.prepareStatement("""
                    UPDATE loader_journals SET journal_key = ?, unfinished = false, finished_at = now(), updated_at = now()
                    WHERE journal_key = ?""")) {
                done.setString(1, newKey);
                done.setString(2, key);
                done.executeUpdate();
            }
        });
        key = newKey;
        epoch = null; // done: what comes after belongs to no claim
    }

    /** Marks the journal unfinished again (its archived original grew) or finished, for the path index. */
    void index(boolean unfinished) {
        try {
            db.call(connection -> {
                try (PreparedStatement index = connection.prepareStatement(
                        "UPDATE loader_journals SET unfinished = ?, path = ?, updated_at = now() WHERE journal_key = ?")) {
                    index.setBoolean(1, unfinished);
                    index.setString(2, path);
                    index.setString(3, key);
                    return index.executeUpdate();
                }
            });
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
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT j.path FROM loader_journals j JOIN loader_claims c ON c.path = j.path
                WHERE j.journal_key = ? AND j.unfinished AND j.path <> ?
                  AND c.heartbeat_at >= now() - make_interval(secs => ?)
                FOR UPDATE OF j""")) {
            find.setString(1, key);
            find.setString(2, path);
            find.setDouble(3, claims.lease().toMillis() / 1000.0);
            try (ResultSet found = find.executeQuery()) {
                return found.next() ? found.getString(1) : null;
            }
        }
    }

    /** Thrown inside the transaction, so that nothing of it is kept. */
    private static final class SameContentElsewhere extends SQLException {
        SameContentElsewhere(String path) {
            super(path, "LD001"); // not a connection failure
        }
    }

    private void insert(Connection connection, String line) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO loader_journal_lines (journal_key, line) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, line);
            insert.executeUpdate();
        }
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
                    try (PreparedStatement fence = connection.prepareStatement(
                            "UPDATE loader_claims SET heartbeat_at = now() WHERE path = ? AND owner = ? AND epoch = ?")) {
                        fence.setString(1, path);
                        fence.setString(2, db.instanceId());
                        fence.setLong(3, taken);
                        if (fence.executeUpdate() != 1) {
                            return false;
                        }
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
