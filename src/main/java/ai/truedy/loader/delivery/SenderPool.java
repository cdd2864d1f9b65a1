package ai.truedy.loader.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Service;

/**
 * The threads that send batches, one for each batch a file may have handed out
 * ({@code truedy.concurrency + 1}, see BatchesInFlight): a handed-out batch always has a thread,
 * and the queue, holding no more than those, needs no bound of its own. The file itself is read on
 * the inbox route's thread, which waits while the batches handed out are at the limit.
 */
public final class SenderPool implements Service {

    private final ThreadPoolExecutor executor;

    public SenderPool(int concurrency) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(concurrency + 1, concurrency + 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "truedy-sender-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
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
