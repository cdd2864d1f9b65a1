package ai.truedy.loader.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Service;

/**
 * The threads of the route's parallel split: {@code truedy.concurrency} to send and one more, on
 * which Camel runs the split's own loop (it waits there while the file's batches in flight are at
 * the limit). The queue holds no more than the batches in flight, so it needs no bound of its own.
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
