package ai.truedy.loader.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.state.NumberDeltas;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.state.SentNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sent memory of a cluster, in {@code loader_sent}, shared by every instance: one row per file
 * load and batch call with its accepted numbers, encoded as the local memory's files hold them. Each instance keeps
 * the rows of the batch calls it reads files for in memory ({@link SentNumbers}), and asks the
 * database for rows it has not seen at most every {@value #FRESH_SECONDS} s per batch call; while
 * the database is away, what it has read stays in force, and a file's numbers that cannot be kept
 * are only forgotten (sent again, and Truedy skips them).
 */
public final class SharedSentMemory implements SentMemory {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSentMemory.class);
    private static final long FRESH_SECONDS = 10;

    private final ClusterDatabase db;
    private final Duration memory;
    private final SentNumbers numbers = new SentNumbers();
    private final Map<String, Long> readAt = new ConcurrentHashMap<>();

    /** @param memory {@code loader.sent-memory}: rows older than this are deleted now, and not read */
    public SharedSentMemory(ClusterDatabase db, Duration memory) {
        this.db = db;
        this.memory = memory;
        try {
            int forgotten = db.update("DELETE FROM loader_sent WHERE finished_at < now() - make_interval(secs => ?)",
                    ClusterDatabase.seconds(memory));
            if (forgotten > 0) {
                LOG.info("Sent memory: forgot the numbers of {} file loads older than {}", forgotten, memory);
            }
        } catch (SQLException e) {
            LOG.warn("Cannot forget old numbers of the sent memory now: {}", ClusterDatabase.rootMessage(e));
        }
    }

    @Override
    public String sentBefore(String batchCallId, String e164, String exceptStem, Instant notBefore) {
        readIfStale(batchCallId);
        SentNumbers.Generation found = numbers.find(batchCallId, SentNumbers.digits(e164), exceptStem, notBefore);
        return found == null ? null : SentMemory.inWords(found);
    }

    @Override
    public void remember(String stem, String file, Instant finishedAt, Map<String, long[]> accepted) {
        for (Map.Entry<String, long[]> batchCall : accepted.entrySet()) {
            try {
                db.update("""
                        INSERT INTO loader_sent (batch_call_id, stem, file, finished_at, numbers_count, numbers)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (batch_call_id, stem) DO UPDATE SET file = EXCLUDED.file,
                            finished_at = EXCLUDED.finished_at, numbers_count = EXCLUDED.numbers_count,
                            numbers = EXCLUDED.numbers""", batchCall.getKey(), stem, file, Timestamp.from(finishedAt),
                        batchCall.getValue().length, NumberDeltas.encode(batchCall.getValue()));
                if (!numbers.add(new SentNumbers.Generation(batchCall.getKey(), stem, file, finishedAt,
                        batchCall.getValue().length), batchCall.getValue())) {
                    LOG.warn("This instance holds the numbers of too many file loads for {}; those of {} are kept in the"
                            + " database only", batchCall.getKey(), file);
                }
            } catch (SQLException e) {
                LOG.warn("Cannot remember the {} numbers {} had accepted for {} ({}); they are sent again next time",
                        batchCall.getValue().length, file, batchCall.getKey(), ClusterDatabase.rootMessage(e));
            }
        }
    }

    /** Reads the batch call's rows this instance has not seen, unless it did so within the last seconds. */
    private void readIfStale(String batchCallId) {
        Long at = readAt.get(batchCallId);
        long now = System.nanoTime();
        if (at != null && now - at < TimeUnit.SECONDS.toNanos(FRESH_SECONDS)) {
            return;
        }
        synchronized (this) {
            at = readAt.get(batchCallId);
            if (at != null && System.nanoTime() - at < TimeUnit.SECONDS.toNanos(FRESH_SECONDS)) {
                return;
            }
            try {
                read(batchCallId);
            } catch (SQLException e) {
                LOG.warn("Cannot read the sent memory of {} now ({}); what was read before stays in force", batchCallId,
                        ClusterDatabase.rootMessage(e));
            }
            readAt.put(batchCallId, System.nanoTime());
        }
    }

    private void read(String batchCallId) throws SQLException {
        Set<String> known = numbers.stemsOf(batchCallId);
        db.call(connection -> {
            try (PreparedStatement query = ClusterDatabase.prepare(connection, """
                    SELECT stem, file, finished_at, numbers, numbers_count FROM loader_sent WHERE batch_call_id = ?
                      AND finished_at > now() - make_interval(secs => ?) AND NOT (stem = ANY (?))""",
                    batchCallId, ClusterDatabase.seconds(memory), connection.createArrayOf("text", known.toArray()));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long[] sorted = numbers(rows.getBytes(4), rows.getInt(5));
                    numbers.add(new SentNumbers.Generation(batchCallId, rows.getString(1), rows.getString(2),
                            rows.getTimestamp(3).toInstant(), sorted.length), sorted);
                }
                return null;
            }
        });
        numbers.dropFinishedBefore(Instant.now().minus(memory));
    }

    private static long[] numbers(byte[] bytes, int count) {
        try {
            return NumberDeltas.decode(new ByteArrayInputStream(bytes), count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
