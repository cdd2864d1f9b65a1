package ai.truedy.loader.cluster;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.delivery.RequestBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pauses every instance keeps, as {@code loader_pauses} holds them: {@code rate} after a 429
 * (until its reset time), {@code auth} after 401, 402 or 403. They are read at most every half
 * second, as time left by the database's clock, so that skew between the instances' clocks does
 * not matter; while the database is away the pauses last read stay in force.
 */
final class SharedPauses {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPauses.class);

    private final ClusterDatabase db;
    private final long freshFor;
    private long readAt = System.nanoTime() - Long.MAX_VALUE / 2;
    private long rateUntil = System.nanoTime();
    private long authUntil = System.nanoTime();
    private String authReason;
    private Instant authUntilInstant;

    SharedPauses(ClusterDatabase db, long freshForNanos) {
        this.db = db;
        this.freshFor = freshForNanos;
    }

    void awaitRatePause() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                refresh(false);
                wait = rateUntil - System.nanoTime();
            }
            if (wait <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
        }
    }

    synchronized boolean ratePaused() {
        refresh(false);
        return rateUntil - System.nanoTime() > 0;
    }

    synchronized String suspension() {
        refresh(false);
        if (authReason != null && authUntil - System.nanoTime() > 0) {
            return RequestBudget.suspendedUntil(authUntilInstant, authReason);
        }
        return null;
    }

    synchronized void pause(String kind, Duration wait, String reason) {
        long until = System.nanoTime() + wait.toNanos();
        if (kind.equals("rate")) {
            rateUntil = Math.max(rateUntil, until); // kept here even when the database is away
        } else {
            authUntil = until;
            authReason = reason;
            authUntilInstant = Instant.now().plus(wait);
        }
        try {
            db.update("""
                    INSERT INTO loader_pauses (kind, until, reason) VALUES (?, now() + make_interval(secs => ?), ?)
                    ON CONFLICT (kind) DO UPDATE SET reason = EXCLUDED.reason,
                        until = CASE WHEN EXCLUDED.kind = 'rate' THEN greatest(loader_pauses.until, EXCLUDED.until)
                                     ELSE EXCLUDED.until END""", kind, ClusterDatabase.seconds(wait), reason);
        } catch (SQLException e) {
            LOG.warn("Cannot share the {} pause with the other instances: {}", kind, ClusterDatabase.rootMessage(e));
        }
    }

    synchronized void lift(String kind) {
        authReason = null;
        try {
            db.update("DELETE FROM loader_pauses WHERE kind = ?", kind);
        } catch (SQLException e) {
            LOG.warn("Cannot lift the {} pause for the other instances: {}", kind, ClusterDatabase.rootMessage(e));
        }
        refresh(true);
    }

    /** Reads the pauses the database holds, as time left by its clock. */
    private void refresh(boolean now) {
        long at = System.nanoTime();
        if (!now && at - readAt < freshFor) {
            return;
        }
        readAt = at;
        try {
            db.call(connection -> {
                try (PreparedStatement read = connection.prepareStatement("""
                        SELECT kind, extract(epoch FROM (until - now())), reason, until FROM loader_pauses
                        WHERE until > now()""");
                     ResultSet rows = read.executeQuery()) {
                    boolean auth = false;
                    while (rows.next()) {
                        long until = at + (long) (rows.getDouble(2) * 1_000_000_000L);
                        if (rows.getString(1).equals("rate")) {
                            rateUntil = Math.max(rateUntil, until);
                        } else {
                            auth = true;
                            authUntil = until;
                            authReason = rows.getString(3);
                            authUntilInstant = rows.getTimestamp(4).toInstant();
                        }
                    }
                    if (!auth) {
                        authReason = null;
                    }
                    return null;
                }
            });
        } catch (SQLException e) {
            readAt = at + TimeUnit.SECONDS.toNanos(5) - freshFor; // the last pauses read stay in force; asked again in 5 s
        }
    }
}
