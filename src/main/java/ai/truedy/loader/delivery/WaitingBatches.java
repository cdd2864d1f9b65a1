package ai.truedy.loader.delivery;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import ai.truedy.loader.model.Batch;
import org.apache.camel.Exchange;

/**
 * The send route's queue ({@code seda:send-batch?queue=#waitingBatches}): batches read from the
 * files wait here for a sender, and the senders take them in turns by batch call ({@link BatchTurns}),
 * so that a small list for one campaign is sent between the batches of another's big one. It
 * holds no more than the files hand out: each file stops reading while {@code truedy.concurrency + 1}
 * of its batches are unsettled. It knows, per batch call, how many batches wait and how many the
 * senders hold (until the sender asks for its next).
 */
public final class WaitingBatches extends AbstractQueue<Exchange> implements BlockingQueue<Exchange> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final BatchTurns<Exchange> turns = new BatchTurns<>();
    private final Map<String, Integer> sending = new HashMap<>();
    private final ThreadLocal<String> heldBySender = new ThreadLocal<>();
    private volatile Consumer<Map<String, BatchCount>> listener = counts -> { };

    /** Told of the counts after each change (the metrics' gauge). */
    public void listen(Consumer<Map<String, BatchCount>> listener) {
        this.listener = listener;
    }

    /** Batches by batch call, for those with any waiting or being sent. */
    public Map<String, BatchCount> counts() {
        lock.lock();
        try {
            Map<String, BatchCount> counts = new TreeMap<>();
            Map<String, Integer> waiting = turns.waiting();
            waiting.forEach((id, n) -> counts.put(id, new BatchCount(n, sending.getOrDefault(id, 0))));
            sending.forEach((id, n) -> counts.putIfAbsent(id, new BatchCount(0, n)));
            return counts;
        } finally {
            lock.unlock();
        }
    }

    /** Batch calls with batches waiting or being sent, in words, such as "bc_a 2 waiting, 1 sending; bc_b 1 sending". */
    public String inWords() {
        return BatchCount.inWords(counts());
    }

    @Override
    public boolean offer(Exchange exchange) {
        Batch batch = exchange.getMessage().getBody(Batch.class);
        BatchOrigin origin = exchange.getProperty(BatchOrigin.PROPERTY, BatchOrigin.class);
        lock.lock();
        try {
            turns.add(exchange, batch.batchCallId(), origin == null ? Long.MAX_VALUE : origin.arrival(),
                    origin == null ? 1 : origin.priority());
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        changed();
        return true;
    }

    @Override
    public void put(Exchange exchange) {
        offer(exchange);
    }

    @Override
    public boolean offer(Exchange exchange, long timeout, TimeUnit unit) {
        return offer(exchange);
    }

    /**
     * The next batch in turn, waiting up to {@code timeout} for one. A sender asks for its next batch
     * once it is done with the one before, which then no longer counts as being sent.
     */
    @Override
    public Exchange poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        Exchange next = null;
        boolean changed;
        lock.lockInterruptibly();
        try {
            changed = senderDone();
            while (turns.size() == 0 && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (turns.size() > 0) {
                next = take(turns.next());
                changed = true;
            }
        } finally {
            lock.unlock();
        }
        if (changed) {
            changed();
        }
        return next;
    }

    @Override
    public Exchange take() throws InterruptedException {
        return poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public Exchange poll() {
        try {
            return poll(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public Exchange peek() {
        return null; // whose turn it is is decided when a sender takes one
    }

    @Override
    public boolean remove(Object exchange) {
        boolean removed;
        lock.lock();
        try {
            removed = exchange instanceof Exchange waiting && turns.remove(waiting);
        } finally {
            lock.unlock();
        }
        changed();
        return removed;
    }

    @Override
    public Iterator<Exchange> iterator() {
        lock.lock();
        try {
            return turns.items().iterator();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return turns.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int drainTo(Collection<? super Exchange> into) {
        return drainTo(into, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super Exchange> into, int maxElements) {
        int drained = 0;
        Exchange next;
        while (drained < maxElements && (next = poll()) != null) {
            into.add(next);
            drained++;
        }
        return drained;
    }

    private Exchange take(Exchange exchange) {
        String batchCallId = exchange.getMessage().getBody(Batch.class).batchCallId();
        sending.merge(batchCallId, 1, Integer::sum);
        heldBySender.set(batchCallId);
        return exchange;
    }

    /** The calling sender is done with the batch it took before, if any; returns whether it had one. */
    private boolean senderDone() {
        String held = heldBySender.get();
        if (held == null) {
            return false;
        }
        heldBySender.remove();
        sending.computeIfPresent(held, (id, n) -> n > 1 ? n - 1 : null);
        return true;
    }

    private void changed() {
        listener.accept(counts());
    }
}
