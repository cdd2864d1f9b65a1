package ai.truedy.loader.cluster;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance holds which file of the inbox, in {@code loader_claims}: the inbox route's
 * {@code readLock: idempotent-changed} takes a file only once {@link #add} has claimed it. A
 * claim is kept alive by a heartbeat every third of {@code loader.cluster.lease}; one whose
 * heartbeat is older than the lease is taken over by the next instance that polls the file, and
 * each take-over raises the claim's epoch. An instance sends and settles for a file only while its
 * claim still has the epoch it took ({@link #holds}), so a stalled former owner cannot. Claims are
 * keyed on the file's path in the inbox, not on where the inbox is mounted, and timed by the
 * database's clock, not the instances'.
 */
public final class FileClaims extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);

    private final ClusterDatabase db;
    private final Path inbox;
    private final String owner;
    private final Duration lease;
    /** The claims this instance holds: path in the inbox, epoch taken. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;
    private final OtherClaims others;

    public FileClaims(ClusterDatabase db, Path inbox, Duration lease) {
        this.db = db;
        this.inbox = inbox.toAbsolutePath().normalize();
        this.owner = db.instanceId();
        this.lease = lease;
        this.others = new OtherClaims(db, lease);
    }

    /** Claims a file: true when it was free, its claim had lapsed, or this instance held it already. */
    @Override
    public boolean add(String key) {
        String path = relative(key);
        try {
            Long epoch = db.call(connection -> {
                try (PreparedStatement claim = ClusterDatabase.prepare(connection, """
                        WITH before AS (SELECT owner FROM loader_claims WHERE path = ?)
                        INSERT INTO loader_claims (path, owner, epoch) VALUES (?, ?, 1)
                        ON CONFLICT (path) DO UPDATE SET owner = EXCLUDED.owner, epoch = loader_claims.epoch + 1,
                            claimed_at = now(), heartbeat_at = now()
                        WHERE loader_claims.owner = EXCLUDED.owner
                           OR loader_claims.heartbeat_at < now() - make_interval(secs => ?)
                        RETURNING epoch, (SELECT owner FROM before)""", path, path, owner, ClusterDatabase.seconds(lease))) {
                    try (ResultSet taken = claim.executeQuery()) {
                        if (!taken.next()) {
                            return null;
                        }
                        String before = taken.getString(2);
                        long takenEpoch = taken.getLong(1);
                        if (takenEpoch > 1 && before != null && !before.equals(owner)) { // not a claim just released
                            LOG.info("Taking over {} from instance {}: its claim had no heartbeat for {}", path,
                                    before, lease);
                        }
                        return takenEpoch;
                    }
                }
            });
            if (epoch == null) {
                return false;
            }
            held.put(path, epoch);
            return true;
        } catch (SQLException e) {
            return false; // the database is out of reach: no new file is claimed (logged by ClusterDatabase)
        }
    }

    @Override
    public boolean add(org.apache.camel.Exchange exchange, String key) {
        return add(key);
    }

    @Override
    public boolean contains(String key) {
        return held.containsKey(relative(key));
    }

    /** Lets go of a claim this instance holds (the file was moved out of the inbox, or left for later). */
    @Override
    public boolean remove(String key) {
        String path = relative(key);
        Long epoch = held.remove(path);
        if (epoch == null) {
            return false;
        }
        try {
            return db.update("DELETE FROM loader_claims WHERE path = ? AND owner = ? AND epoch = ?", path, owner, epoch) == 1;
        } catch (SQLException e) {
            return false; // the claim lapses after the lease
        }
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        held.keySet().forEach(this::remove);
    }

    Duration lease() {
        return lease;
    }

    /** The claims of the other instances, as the database said lately: lapsed ones, and the folders they are loading. */
    public OtherClaims others() {
        return others;
    }

    /** The epoch of this instance's claim on a file (its path in the inbox), or null when it holds none. */
    public Long epochOf(String path) {
        return held.get(path);
    }

    /** Whether this instance still holds the file with that epoch, as the database says now. */
    public boolean holds(String path, long epoch) {
        if (!Long.valueOf(epoch).equals(held.get(path))) {
            return false;
        }
        try {
            return !db.column("SELECT 1 FROM loader_claims WHERE path = ? AND owner = ? AND epoch = ?", path, owner, epoch)
                    .isEmpty();
        } catch (SQLException e) {
            return false; // nothing is sent that could not be journaled
        }
    }

    /** Keeps every claim this instance holds alive; a claim found taken over is dropped. */
    void beat() {
        Map<String, Long> now = Map.copyOf(held);
        if (now.isEmpty()) {
            return;
        }
        try {
            Set<String> kept = Set.copyOf(db.call(connection -> ClusterDatabase.column(connection, """
                    UPDATE loader_claims c SET heartbeat_at = now()
                    FROM unnest(?::text[], ?::bigint[]) AS h(path, epoch)
                    WHERE c.path = h.path AND c.epoch = h.epoch AND c.owner = ?
                    RETURNING c.path""", connection.createArrayOf("text", now.keySet().toArray()),
                    connection.createArrayOf("bigint", now.keySet().stream().map(now::get).toArray()), owner)));
            now.forEach((path, epoch) -> {
                if (!kept.contains(path) && held.remove(path, epoch)) {
                    LOG.warn("{} was taken over by another instance: this instance no longer sends or settles for it", path);
                }
            });
        } catch (SQLException e) {
            // readiness says so; the claims lapse if the database stays away longer than the lease
        }
    }

    @Override
    public String toString() {
        return "claims of instance " + owner + " in the cluster database (lease " + lease + ")";
    }

    private String relative(String key) {
        Path path = Path.of(key);
        if (path.isAbsolute()) {
            Path normal = path.normalize();
            if (normal.startsWith(inbox)) {
                path = inbox.relativize(normal);
            }
        }
        return path.toString().replace('\\', '/');
    }

    @Override
    protected void doStart() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "loader-claims-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(200, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }
}
