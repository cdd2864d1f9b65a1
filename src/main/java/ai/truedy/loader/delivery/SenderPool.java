package ai.truedy.loader.delivery;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Service;

/**
 * The threads of the route's parallel split: {@code truedy.concurrency} senders and one more, as
 * Camel may run the split's own loop on the pool ({@link SendGate} is what caps the requests in
 * flight). When all are busy and a few batches wait, the file reader blocks instead of reading
 * ahead, so memory stays flat however long the file.
 */
public final class SenderPool implements Service {

    private final ThreadPoolExecutor executor;

    public SenderPool(int concurrency) {
        AtomicInteger count = new AtomicInteger();
        int threads = concurrency + 1;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(concurrency), runnable -> {
                    Thread thread = new Thread(runnable, "truedy-sender-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, pool) -> {
                    try {
                        pool.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted while waiting for a sender", e);
                    }
                });
    }

    public ExecutorService executor() {
        return executor;
    }

    @Override
    public void start() {
        // threads start on demand
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }
}
