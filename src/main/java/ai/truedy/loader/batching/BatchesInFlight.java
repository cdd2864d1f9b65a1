package ai.truedy.loader.batching;

import java.time.Duration;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchListener;

/**
 * How many of a file's batches are handed out and not yet settled. The file is read on only while
 * fewer than {@code truedy.concurrency + 1} are: one batch is ready while the others are in
 * flight, so sending never waits for reading, and reading never runs further ahead, so memory
 * stays flat however long the file.
 */
public final class BatchesInFlight implements BatchListener {

    private final int limit;
    private int count;
    private boolean cutShort;
    private RuntimeException failure;

    /** @param concurrency {@code truedy.concurrency} */
    public BatchesInFlight(int concurrency) {
        this.limit = concurrency + 1;
    }

    /** Waits for room, then counts one more batch handed out. */
    synchronized void handOut() throws InterruptedException {
        while (count >= limit) {
            wait();
        }
        count++;
    }

    /** Waits until every batch handed out is settled. */
    public synchronized void awaitAllSettled() throws InterruptedException {
        while (count > 0) {
            wait();
        }
    }

    /** Waits until every batch handed out is settled, or the time is up; returns whether they are. */
    public synchronized boolean awaitAllSettled(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (count > 0 && deadline - System.nanoTime() > 0) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return count == 0;
    }

    /**
     * Reading failed part-way (the file was rewritten while it was read): no more batches are
     * handed out, those handed out are still sent, and then the file fails with this.
     */
    synchronized void failed(RuntimeException cause) {
        failure = cause;
    }

    /** Why reading stopped before the end, if it failed. */
    public synchronized RuntimeException failure() {
        return failure;
    }

    /**
     * The loader is stopping, or the file's journal can no longer be kept here: no more batches are
     * handed out, the file is not finished.
     */
    public synchronized void cutShort() {
        cutShort = true;
    }

    /** Whether the file stopped handing out batches before its end. */
    public synchronized boolean isCutShort() {
        return cutShort;
    }

    /** Every row of a batch is settled: room for the next. */
    @Override
    public synchronized void delivered(Batch batch) {
        count--;
        notifyAll();
    }
}
