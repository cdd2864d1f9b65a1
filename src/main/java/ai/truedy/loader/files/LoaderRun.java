package ai.truedy.loader.files;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.reporting.FileReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This run of the loader: what it has done so far and, with {@code --once}, when it is finished.
 * Its exit code is 0 when every row was accepted (or the loader was asked to stop) and 3 when a
 * row was rejected or is waiting in retry/, or a file could not be loaded (or, in a cluster, was
 * left unfinished because its journal could not be kept).
 */
public final class LoaderRun {

    public static final int EXIT_ALL_ACCEPTED = 0;
    public static final int EXIT_CANNOT_RUN = 1;
    public static final int EXIT_NOT_ALL_ACCEPTED = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LoaderRun.class);
    /**
     * Rejections that leave nothing undone, so that they do not make the exit code 3: the number is
     * in its batch call already (a re-export of a list), or earlier in the same file.
     */
    private static final List<String> ALREADY_THERE = List.of(RejectReason.ALREADY_SENT.code(),
            RejectReason.DUPLICATE_IN_FILE.code());

    private final Runnable finish;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private long inProgress;
    private volatile Duration stopTimeout = Duration.ofSeconds(30);
    private volatile IntSupplier filesTaken = () -> 0;
    private volatile IntSupplier unreadableNames = () -> 0;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong failedFiles = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong rejectedForCause = new AtomicLong();
    private final AtomicLong pendingRetry = new AtomicLong();
    /** Files left in the inbox unfinished, not because the loader is stopping (cluster: their journal could not be kept). */
    private final Set<String> leftUnfinished = ConcurrentHashMap.newKeySet();

    /** @param finish ends the run; called once the inbox is drained in once mode */
    public LoaderRun(Runnable finish) {
        this.finish = finish;
    }

    /** A file was taken from the inbox; until it is loaded or failed, the inbox is not drained. */
    public synchronized void fileStarted() {
        inProgress++;
    }

    private synchronized void fileEnded() {
        inProgress--;
        notifyAll();
    }

    public void fileLoaded(FileReport report) {
        fileEnded();
        leftUnfinished.remove(report.file());
        files.incrementAndGet();
        rows.addAndGet(report.rows());
        accepted.addAndGet(report.accepted());
        rejected.addAndGet(report.rejected());
        rejectedForCause.addAndGet(report.rejected() - ALREADY_THERE.stream()
                .mapToLong(reason -> report.reasons().getOrDefault(reason, 0L)).sum());
        pendingRetry.addAndGet(report.pendingRetry());
    }

    /**
     * A file was left in the inbox: because the loader is stopping, or (cluster mode) because its
     * journal could not be kept; the latter, unless it is finished later in the run, makes the
     * exit code 3.
     */
    public void fileStopped(String file) {
        fileEnded();
        if (!stopRequested.get()) {
            leftUnfinished.add(file);
        }
    }

    public void fileFailed() {
        fileEnded();
        files.incrementAndGet();
        failedFiles.incrementAndGet();
    }

    /**
     * The files the inbox route has taken and not yet moved out or left ({@link InboxTurns}): they
     * are loaded on threads of their own while the inbox is polled again.
     */
    public void countTakenFiles(IntSupplier taken) {
        this.filesTaken = taken;
    }

    /** The names in the inbox the loader cannot read ({@link InboxTurns}): they make the exit code 3. */
    public void countUnreadableNames(IntSupplier names) {
        this.unreadableNames = names;
    }

    /**
     * The inbox route found nothing more to read: in once mode, the run is over once no file is
     * still being loaded (files are read and sent on other threads while the inbox is polled again).
     */
    public void inboxDrained() {
        if (filesInProgress() == 0 && filesTaken.getAsInt() == 0 && finished.compareAndSet(false, true)) {
            int unreadable = unreadableNames.getAsInt();
            LOG.info("Inbox drained: {} files ({} could not be loaded, {} left unfinished{}), {} rows: {} accepted, "
                            + "{} rejected, {} pending retry; exit code {}", files, failedFiles, leftUnfinished.size(),
                    unreadable == 0 ? "" : ", " + unreadable + " not taken: a name this loader cannot read", rows,
                    accepted, rejected, pendingRetry, exitCode());
            finish.run();
        }
    }

    /**
     * SIGTERM or Ctrl-C: files being loaded stop handing out batches, the batches in flight are
     * settled and journaled, and the run ends with exit code 0; what is left is resumed next start.
     */
    public void stop() {
        if (stopRequested.compareAndSet(false, true)) {
            LOG.info("Stopping: batches in flight are finished, the rest is resumed at the next start");
            awaitFilesStopped();
            finish.run();
        }
    }

    /** {@code loader.shutdown-timeout}: how long a stop waits for the files being loaded. */
    public void stopTimeout(Duration timeout) {
        this.stopTimeout = timeout;
    }

    private synchronized long filesInProgress() {
        return inProgress;
    }

    /** Camel's own shutdown starts once the files being loaded have stopped handing out batches. */
    private synchronized void awaitFilesStopped() {
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        try {
            while (inProgress > 0 && deadline - System.nanoTime() > 0) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isStopping() {
        return stopRequested.get();
    }

    public int exitCode() {
        if (stopRequested.get()) {
            return EXIT_ALL_ACCEPTED;
        }
        boolean clean = failedFiles.get() == 0 && rejectedForCause.get() == 0 && pendingRetry.get() == 0
                && leftUnfinished.isEmpty() && unreadableNames.getAsInt() == 0;
        return clean ? EXIT_ALL_ACCEPTED : EXIT_NOT_ALL_ACCEPTED;
    }
}
