package ai.truedy.loader.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.delivery.RequestBudget;

/**
 * Turns at the request budget the instances of a cluster share, handed to batch calls rather than
 * to whichever instance asks first: the same rule as one instance's queue of waiting batches (the
 * lowest pass goes next; each turn raises a batch call's pass by {@code 1 / priority}), kept in
 * {@code loader_turns}, with the requests each instance has waiting per batch call in
 * {@code loader_turns_waiting}. A batch call served within the last three request intervals and a
 * second keeps its pass when it asks again (its next request was on its way: a sender waits for the
 * budget's slot, sends, and then asks for the next turn), but the others wait for it only one request
 * interval and a little: a batch call whose next request is slow to come (a folder of small files,
 * each started anew) does not hold the budget idle, and it goes first when it asks again. A request
 * that is not next asks again a little later. Decisions are serialised by a transaction-scoped
 * advisory lock.
 */
final class SharedTurns {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('loader_turns'))";

    private final ClusterDatabase db;
    private final Duration stale;
    private final Duration grace;
    /** How long the others wait for a batch call just served whose next request has not come yet. */
    private final Duration awaited;
    private final long askEveryNanos;
    /** Requests of this instance waiting for a turn, per batch call. */
    private final Map<String, Integer> asking = new ConcurrentHashMap<>();

    /**
     * @param stale  how long another instance's waiting requests count without a refresh ({@code loader.cluster.lease})
     * @param pacing the budget's interval between requests: a request that is not next asks again at half of it
     */
    SharedTurns(ClusterDatabase db, Duration stale, Duration pacing) {
        this.db = db;
        this.stale = stale;
        this.grace = pacing.multipliedBy(3).plusSeconds(1);
        this.awaited = pacing.plusMillis(100);
        this.askEveryNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(500),
                Math.max(TimeUnit.MILLISECONDS.toNanos(20), pacing.toNanos() / 2));
    }

    /** Waits until it is this batch call's turn among the batch calls waiting on every instance. */
    void await(String batchCallId, int priority) throws InterruptedException {
        asking.merge(batchCallId, 1, Integer::sum);
        boolean counted = true;
        try {
            while (true) {
                boolean next = ask(batchCallId, priority);
                if (next) {
                    counted = false; // the turn taken has counted the request out
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(askEveryNanos);
            }
        } finally {
            if (counted) {
                leave(batchCallId);
            }
        }
    }

    /** One decision: whether this batch call goes next; if so its turn is taken and the request counted out. */
    private boolean ask(String batchCallId, int priority) {
        try {
            return db.inTransaction(connection -> {
                ClusterDatabase.column(connection, LOCK);
                boolean joining = !live(connection, batchCallId);
                ClusterDatabase.update(connection, """
                        INSERT INTO loader_turns_waiting (instance_id, batch_call_id, waiting) VALUES (?, ?, ?)
                        ON CONFLICT (instance_id, batch_call_id) DO UPDATE SET waiting = EXCLUDED.waiting,
                            updated_at = now()""", db.instanceId(), batchCallId, asking.getOrDefault(batchCallId, 1));
                // one that starts waiting joins at the lowest pass of the others, or keeps its own within theirs
                ClusterDatabase.update(connection, """
                        WITH others AS (SELECT min(pass) AS lowest, max(pass) AS highest FROM loader_turns
                            WHERE batch_call_id <> ? AND batch_call_id IN (SELECT batch_call_id FROM loader_turns_waiting WHERE waiting > 0
                                  AND updated_at > now() - make_interval(secs => ?)
                              UNION SELECT batch_call_id FROM loader_turns WHERE served_at > now() - make_interval(secs => ?)))
                        INSERT INTO loader_turns (batch_call_id, pass) SELECT ?, coalesce(lowest, 0) FROM others
                        ON CONFLICT (batch_call_id) DO UPDATE SET pass = CASE WHEN ? THEN
                            least(greatest(loader_turns.pass, (SELECT lowest FROM others)), (SELECT highest FROM others))
                            ELSE loader_turns.pass END""",
                        batchCallId, seconds(stale), seconds(grace), batchCallId, joining);
                boolean behind = !ClusterDatabase.column(connection, """
                        SELECT 1 FROM loader_turns me, loader_turns t WHERE me.batch_call_id = ? AND t.batch_call_id <> ?
                          AND t.batch_call_id IN (SELECT batch_call_id FROM loader_turns_waiting WHERE waiting > 0
                                  AND updated_at > now() - make_interval(secs => ?)
                              UNION SELECT batch_call_id FROM loader_turns WHERE served_at > now() - make_interval(secs => ?))
                          AND (t.pass < me.pass OR t.pass = me.pass
                               AND coalesce(t.served_at, '-infinity') < coalesce(me.served_at, '-infinity'))
                        LIMIT 1""", batchCallId, batchCallId, seconds(stale), seconds(awaited)).isEmpty();
                if (behind) {
                    return false;
                }
                ClusterDatabase.update(connection, "UPDATE loader_turns SET pass = pass + ?, served_at = clock_timestamp()"
                        + " WHERE batch_call_id = ?", 1.0 / Math.max(1, priority), batchCallId);
                write(connection, batchCallId, countOut(batchCallId));
                return true;
            });
        } catch (SQLException e) {
            throw new RequestBudget.Unavailable("the shared request budget cannot be reached ("
                    + ClusterDatabase.rootMessage(e) + ")");
        }
    }

    /** Whether the batch call counts as waiting already: requests of it wait (on any instance), or it was just served. */
    private boolean live(Connection connection, String batchCallId) throws SQLException {
        return !ClusterDatabase.column(connection, "SELECT 1 FROM " + """
                (SELECT batch_call_id FROM loader_turns_waiting WHERE waiting > 0
                                  AND updated_at > now() - make_interval(secs => ?)
                              UNION SELECT batch_call_id FROM loader_turns WHERE served_at > now() - make_interval(secs => ?)) AS live
                WHERE batch_call_id = ?""", seconds(stale), seconds(grace), batchCallId).isEmpty();
    }

    private static double seconds(Duration duration) {
        return ClusterDatabase.seconds(duration);
    }

    /** A request that waited gives up (interrupted, or the database went away): it no longer counts. */
    private void leave(String batchCallId) {
        int left = countOut(batchCallId);
        try {
            db.call(connection -> {
                write(connection, batchCallId, left);
                return null;
            });
        } catch (SQLException e) {
            // the row stops counting once it is older than the lease
        }
    }

    private int countOut(String batchCallId) {
        Integer left = asking.computeIfPresent(batchCallId, (id, n) -> n > 1 ? n - 1 : null);
        return left == null ? 0 : left;
    }

    private void write(Connection connection, String batchCallId, int waiting) throws SQLException {
        if (waiting == 0) {
            ClusterDatabase.update(connection, "DELETE FROM loader_turns_waiting WHERE instance_id = ? AND batch_call_id = ?",
                    db.instanceId(), batchCallId);
        } else {
            ClusterDatabase.update(connection, "UPDATE loader_turns_waiting SET waiting = ?, updated_at = now()"
                    + " WHERE instance_id = ? AND batch_call_id = ?", waiting, db.instanceId(), batchCallId);
        }
    }
}
