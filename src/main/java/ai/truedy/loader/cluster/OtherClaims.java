package ai.truedy.loader.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The claims other instances hold, as the database said at most half a second ago: those that
 * lapsed (their instance died loading the file: this one takes them first), and the inbox folders
 * they are loading a file of (whose later files wait, to keep their arrival order).
 */
public final class OtherClaims {

    private static final long LAPSED_FRESH_FOR = TimeUnit.MILLISECONDS.toNanos(500);

    private final ClusterDatabase db;
    private final String owner;
    private final Duration lease;
    private volatile long lapsedAt = System.nanoTime() - 2 * LAPSED_FRESH_FOR;
    private volatile Set<String> lapsed = Set.of();
    private volatile long busyAt = System.nanoTime() - 2 * LAPSED_FRESH_FOR;
    private volatile Set<String> busyFolders = Set.of();

    OtherClaims(ClusterDatabase db, Duration lease) {
        this.db = db;
        this.owner = db.instanceId();
        this.lease = lease;
    }

    /**
     * The files other instances claimed and stopped beating for (the next poll takes them over),
     * as the database said at most half a second ago; empty while it cannot be asked.
     */
    public Set<String> lapsed() {
        long now = System.nanoTime();
        if (now - lapsedAt > LAPSED_FRESH_FOR) {
            lapsedAt = now;
            try {
                lapsed = Set.copyOf(db.column("SELECT path FROM loader_claims WHERE owner <> ?"
                        + " AND heartbeat_at < now() - make_interval(secs => ?)", owner, ClusterDatabase.seconds(lease)));
            } catch (SQLException e) {
                lapsed = Set.of();
            }
        }
        return lapsed;
    }

    /**
     * The inbox folders ("" for the inbox itself) other instances are loading a file of, as the
     * database said at most half a second ago; empty while it cannot be asked.
     */
    public Set<String> busyFoldersLately() {
        long now = System.nanoTime();
        if (now - busyAt > LAPSED_FRESH_FOR) {
            busyAt = now;
            try {
                busyFolders = Set.copyOf(db.column("SELECT DISTINCT CASE WHEN position('/' IN path) = 0 THEN ''"
                        + " ELSE split_part(path, '/', 1) END FROM loader_claims WHERE owner <> ?"
                        + " AND heartbeat_at >= now() - make_interval(secs => ?)", owner, ClusterDatabase.seconds(lease)));
            } catch (SQLException e) {
                busyFolders = Set.of();
            }
        }
        return busyFolders;
    }

    /**
     * Whether another instance is loading a file of that inbox folder ("" for the inbox itself) now:
     * its claim has had a heartbeat within the lease. True while the database cannot be asked, as
     * no file can be claimed then anyway.
     */
    public boolean folderBusy(String folder) {
        try {
            return !db.column("SELECT 1 FROM loader_claims WHERE owner <> ?"
                    + " AND heartbeat_at >= now() - make_interval(secs => ?)"
                    + " AND CASE WHEN ? = '' THEN position('/' IN path) = 0 ELSE split_part(path, '/', 1) = ?"
                    + " AND position('/' IN path) > 0 END LIMIT 1", owner, ClusterDatabase.seconds(lease), folder, folder)
                    .isEmpty();
        } catch (SQLException e) {
            return true;
        }
    }
}
