package ai.truedy.loader.files;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Consumer;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * When the inbox is listed: every {@code loader.poll-delay}, as Camel's own scheduler does (the
 * route's {@code initialDelay}, {@code delay} and {@code useFixedDelay} hold), and also at once when
 * asked ({@link #pollSoon()}): when a file is finished and its folder's next file, or a file waiting
 * for a place, may be taken now. The inbox route names it ({@code scheduler: "#inboxPolls"}).
 * <p>
 * A poll asked for runs on the scheduler's own thread, so polls never overlap; asked again while
 * one is waiting to run, it runs once.
 */
public final class InboxPolls extends DefaultScheduledPollConsumerScheduler {

    private final AtomicBoolean asked = new AtomicBoolean();
    private volatile Runnable poll;

    /** Takes the route's timing from its consumer. */
    @Override
    public void onInit(Consumer consumer) {
        super.onInit(consumer);
        if (consumer instanceof ScheduledPollConsumer polling) {
            setInitialDelay(polling.getInitialDelay());
            setDelay(polling.getDelay());
            setTimeUnit(polling.getTimeUnit());
            setUseFixedDelay(polling.isUseFixedDelay());
        }
    }

    @Override
    public void scheduleTask(Runnable task) {
        super.scheduleTask(task);
        this.poll = task;
    }

    @Override
    public void unscheduleTask() {
        super.unscheduleTask();
        this.poll = null;
    }

    /** Lists the inbox as soon as the poll under way (if any) is over, without waiting for the delay. */
    public void pollSoon() {
        Runnable task = poll;
        ScheduledExecutorService executor = getScheduledExecutorService();
        if (task == null || executor == null || !isSchedulerStarted() || !asked.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                asked.set(false);
                task.run();
            });
        } catch (RejectedExecutionException stopping) {
            asked.set(false); // the route is stopping: no poll is due
        }
    }
}
