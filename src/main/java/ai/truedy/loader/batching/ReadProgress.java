package ai.truedy.loader.batching;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says how a long file is going: past 10,000 rows, a line every {@code loader.progress-interval}
 * (10 s) with the rows read, the rate, how much of the file is read and about how long is left,
 * and which batch calls are taking turns at the request budget with how many batches each.
 */
final class ReadProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ReadProgress.class);
    private static final long MIN_ROWS = 10_000;

    private final String file;
    private final long everyNanos;
    private final DoubleSupplier fractionRead;
    private final Supplier<String> turns;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private long rows;

    ReadProgress(String file, DoubleSupplier fractionRead, Duration every, Supplier<String> turns) {
        this.file = file;
        this.turns = turns;
        this.everyNanos = every.toNanos();
        this.fractionRead = fractionRead;
    }

    void rowRead() {
        rows++;
        if (rows % 1000 != 0 || rows <= MIN_ROWS) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLog < everyNanos) {
            return;
        }
        lastLog = now;
        double seconds = (now - started) / 1e9;
        double fraction = fractionRead.getAsDouble();
        long left = fraction > 0 ? Math.round(seconds * (1 - fraction) / fraction) : -1;
        String served = turns.get();
        LOG.info("{}: {} rows read, {} rows/s, {}% of the file, about {} left{}", file, rows,
                Math.round(rows / seconds), Math.round(fraction * 100), left < 0 ? "?" : duration(left),
                served.isEmpty() ? "" : "; batch calls taking turns: " + served);
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
