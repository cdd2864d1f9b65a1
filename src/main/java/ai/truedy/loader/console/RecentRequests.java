package ai.truedy.loader.console;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import ai.truedy.loader.delivery.SendListener;

/** The requests sent to Truedy in the last minute, answered or not: the budget used, as the console shows it. */
public final class RecentRequests implements SendListener {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final Deque<Long> sentAt = new ArrayDeque<>();

    @Override
    public synchronized void answered(Integer httpStatus, int acceptedContacts, Duration latency) {
        long now = System.nanoTime();
        sentAt.addLast(now);
        forgetOlderThanAMinute(now);
    }

    public synchronized int lastMinute() {
        forgetOlderThanAMinute(System.nanoTime());
        return sentAt.size();
    }

    private void forgetOlderThanAMinute(long now) {
        while (!sentAt.isEmpty() && now - sentAt.peekFirst() > MINUTE) {
            sentAt.removeFirst();
        }
    }
}
