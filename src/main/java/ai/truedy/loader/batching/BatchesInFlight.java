package ai.truedy.loader.batching;

/**
 * How many of a file's batches are handed out and not yet settled. The file is read on only while
 * fewer than {@code truedy.concurrency + 1} are: one batch is ready while the others are in
 * flight, so sending never waits for reading, and reading never runs further ahead, so memory
 * stays flat however long the file.
 */
public final class BatchesInFlight {

    private final int limit;
    private int count;
    private boolean cutShort;

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

    /** The loader is stopping: no more batches are handed out, the file is not finished. */
    synchronized void cutShort() {
        cutShort = true;
    }

    /** Whether the file stopped handing out batches before its end. */
    public synchronized boolean isCutShort() {
        return cutShort;
    }

    /** A batch is settled: room for the next. */
    public synchronized void settled() {
        count--;
        notifyAll();
    }
}
