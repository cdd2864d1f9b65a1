package ai.truedy.loader.cluster;

import java.io.IOException;
import java.sql.Connection;
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
    /** How long the database's word that the claim holds is taken as still true (a stall longer than this asks again). */
    private static final long HELD_FRESH_FOR = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private static final String SETTLED =
            "UPDATE loader_journals SET settled_batches = settled_batches + 1, updated_at = now() WHERE journal_key = ?";

    private volatile String key;
    private volatile Long epoch;
    private volatile long checkedAt = System.nanoTime() - HELD_FRESH_FOR;

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
        Long taken = epoch;
        if (taken == null) {
            write("a settled batch", connection -> {
                insert(connection, line);
                ClusterDatabase.update(connection, SETTLED, key);
            });
            return;
        }
        int kept; // the fence, the line and the progress in one statement: one round trip per batch
        try {
            kept = db.update("""
                    WITH fence AS (UPDATE loader_claims SET heartbeat_at = now() WHERE path = ? AND owner = ? AND epoch = ?
                                   RETURNING path),
                         line AS (INSERT INTO loader_journal_lines (journal_key, line)
                                  SELECT ?, ? WHERE EXISTS (SELECT 1 FROM fence) RETURNING seq)
                    UPDATE loader_journals SET settled_batches = settled_batches + 1, updated_at = now()
                    WHERE journal_key = ? AND EXISTS (SELECT 1 FROM line)""", path, db.instanceId(), taken, key, line, key);
        } catch (SQLException e) {
            throw ClusterDatabase.unavailable("journal a settled batch of " + path, e);
        }
        if (kept != 1) {
            throw fenced(taken, "a settled batch");
        }
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
            throw ClusterDatabase.unavailable("index the journal of " + path, e);
        }
    }

    @Override
    public boolean held() {
        Long taken = epoch;
        if (taken == null) {
            return true;
        }
        long now = System.nanoTime();
        if (now - checkedAt < HELD_FRESH_FOR && taken.equals(claims.epochOf(path))) {
            return true; // asked the database less than a second ago, and the heartbeat has not found it taken since
        }
        boolean held = claims.holds(path, taken);
        checkedAt = held ? now : checkedAt;
        return held;
    }

    @Override
    public String describe() {
        return "the cluster journal of " + path;
    }

    @Override
    public void close() {
        // nothing is open between lines
    }

    /**
     * The path of another file with the same content that a live claim is loading now, or null: the
     * same content dropped twice at once is loaded once, and the second file then counts as a duplicate.
     */
    private String loadingElsewhere(Connection connection) throws SQLException {
        return ClusterDatabase.column(connection, """
                SELECT j.path FROM loader_journals j JOIN loader_claims c ON c.path = j.path
                WHERE j.journal_key = ? AND j.unfinished AND j.path <> ?
                  AND c.heartbeat_at >= now() - make_interval(secs => ?)
                FOR UPDATE OF j""", key, path, ClusterDatabase.seconds(claims.lease())).stream().findFirst().orElse(null);
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
            throw ClusterDatabase.unavailable("journal " + what + " of " + path, e);
        }
        if (!kept) {
            throw fenced(taken, what);
        }
    }

    private JournalUnavailableException fenced(Long taken, String what) {
        return new JournalUnavailableException("another instance has taken " + path + " over (this instance's"
                + " claim at epoch " + taken + " lapsed): " + what + " is not journaled here");
    }
}
