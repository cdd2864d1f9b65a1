package ai.truedy.loader;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ai.truedy.loader.reporting.FileReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This run of the loader: what it has done so far and, with {@code --once}, when it is finished.
 * Its exit code is 0 when every row was accepted and 3 when a row was rejected or is waiting in
 * retry/, or a file could not be loaded.
 */
public final class LoaderRun {

    public static final int EXIT_ALL_ACCEPTED = 0;
    public static final int EXIT_CANNOT_RUN = 1;
    public static final int EXIT_NOT_ALL_ACCEPTED = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LoaderRun.class);

    private final Runnable finish;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong inProgress = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong failedFiles = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong pendingRetry = new AtomicLong();

    /** @param finish ends the run; called once the inbox is drained in once mode */
    public LoaderRun(Runnable finish) {
        this.finish = finish;
    }

    /** A file was taken from the inbox; until it is loaded or failed, the inbox is not drained. */
    public void fileStarted() {
        inProgress.incrementAndGet();
    }

    public void fileLoaded(FileReport report) {
        inProgress.decrementAndGet();
        files.incrementAndGet();
        rows.addAndGet(report.rows());
        accepted.addAndGet(report.accepted());
        rejected.addAndGet(report.rejected());
        pendingRetry.addAndGet(report.pendingRetry());
    }

    public void fileFailed() {
        inProgress.decrementAndGet();
        files.incrementAndGet();
        failedFiles.incrementAndGet();
    }

    /**
     * The inbox route found nothing more to read: in once mode, the run is over once no file is
     * still being loaded (files are sent on other threads while the inbox is polled again).
     */
    public void inboxDrained() {
        if (inProgress.get() == 0 && finished.compareAndSet(false, true)) {
            LOG.info("Inbox drained: {} files ({} could not be loaded), {} rows: {} accepted, {} rejected, "
                            + "{} pending retry; exit code {}", files, failedFiles, rows, accepted, rejected,
                    pendingRetry, exitCode());
            finish.run();
        }
    }

    public int exitCode() {
        boolean clean = failedFiles.get() == 0 && rejected.get() == 0 && pendingRetry.get() == 0;
        return clean ? EXIT_ALL_ACCEPTED : EXIT_NOT_ALL_ACCEPTED;
    }
}
