package ai.truedy.loader.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which waiting batch goes to a sender next: batch calls take turns (round robin, weighted by
 * priority), not files. A batch call with priority 3 gets three turns for each turn of one with
 * priority 1 while both have batches waiting; one alone gets every turn. Each batch call keeps a
 * pass, raised by {@code 1 / priority} at each of its turns, and the lowest pass goes next (stride
 * scheduling); a tie goes to the batch call served longest ago. One that starts waiting keeps its
 * pass within those of the batch calls waiting already ({@link #joiningPass}). Within a batch call, the file that
 * arrived first goes first; each file's batches go in the order it handed them out. Not
 * thread-safe: {@link WaitingBatches} guards it.
 *
 * @param <T> what waits, such as an exchange carrying a batch
 */
final class BatchTurns<T> {

    /** Passes of batch calls with nothing waiting are forgotten beyond this many. */
    private static final int KEPT_IDLE = 10_000;

    private record Entry<T>(T item, String batchCallId, int priority) {
    }

    /** Each file's waiting batches, in the order handed out; files by arrival. */
    private final TreeMap<Long, Deque<Entry<T>>> byArrival = new TreeMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, Double> passes = new HashMap<>();
    private final Map<String, Long> servedAt = new HashMap<>();
    private long turns;
    private int size;

    /**
     * @param arrival  the file's place in the order files arrived in (lower: earlier)
     * @param priority the batch's weight ({@code loader.priority} of its folder), at least 1
     */
    void add(T item, String batchCallId, long arrival, int priority) {
        if (!waiting.containsKey(batchCallId)) {
            passes.put(batchCallId, joiningPass(passes.get(batchCallId)));
        }
        byArrival.computeIfAbsent(arrival, key -> new ArrayDeque<>())
                .addLast(new Entry<>(item, batchCallId, Math.max(1, priority)));
        waiting.merge(batchCallId, 1, Integer::sum);
        size++;
    }

    /** The next batch to send, or null when none waits. */
    T next() {
        if (size == 0) {
            return null;
        }
        Deque<Entry<T>> chosen = null;
        for (Deque<Entry<T>> file : byArrival.values()) {
            if (chosen == null || goesBefore(file.peekFirst().batchCallId(), chosen.peekFirst().batchCallId())) {
                chosen = file;
            }
        }
        Entry<T> entry = chosen.removeFirst();
        if (chosen.isEmpty()) {
            byArrival.values().remove(chosen);
        }
        taken(entry);
        passes.merge(entry.batchCallId(), 1.0 / entry.priority(), Double::sum);
        servedAt.put(entry.batchCallId(), ++turns);
        return entry.item();
    }

    /** Takes a waiting item out of turn (a sender gave up on it); false when it was not waiting. */
    boolean remove(T item) {
        for (Iterator<Deque<Entry<T>>> files = byArrival.values().iterator(); files.hasNext(); ) {
            Deque<Entry<T>> file = files.next();
            for (Iterator<Entry<T>> entries = file.iterator(); entries.hasNext(); ) {
                Entry<T> entry = entries.next();
                if (entry.item().equals(item)) {
                    entries.remove();
                    if (file.isEmpty()) {
                        files.remove();
                    }
                    taken(entry);
                    return true;
                }
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    /** The items waiting, in no particular order. */
    List<T> items() {
        List<T> items = new ArrayList<>(size);
        byArrival.values().forEach(file -> file.forEach(entry -> items.add(entry.item())));
        return items;
    }

    /** Batches waiting, by batch call. */
    Map<String, Integer> waiting() {
        return Map.copyOf(waiting);
    }

    /** Whether batch call {@code one} takes its turn before {@code other}. */
    private boolean goesBefore(String one, String other) {
        if (one.equals(other)) {
            return false; // the file that arrived first
        }
        int byPass = Double.compare(passes.get(one), passes.get(other));
        if (byPass != 0) {
            return byPass < 0;
        }
        return servedAt.getOrDefault(one, 0L) < servedAt.getOrDefault(other, 0L);
    }

    private void taken(Entry<T> entry) {
        size--;
        if (waiting.merge(entry.batchCallId(), -1, Integer::sum) == 0) {
            waiting.remove(entry.batchCallId());
            if (passes.size() > KEPT_IDLE) {
                passes.keySet().retainAll(waiting.keySet());
                servedAt.keySet().retainAll(waiting.keySet());
            }
        }
    }

    /**
     * The pass of a batch call that starts waiting: its own, kept within the passes of those waiting
     * already, so that it neither gains turns for the time it had nothing to send, nor lags behind
     * for turns it had long ago.
     */
    private double joiningPass(Double own) {
        if (waiting.isEmpty()) {
            return own == null ? 0 : own;
        }
        double lowest = Double.MAX_VALUE;
        double highest = -Double.MAX_VALUE;
        for (String batchCallId : waiting.keySet()) {
            double pass = passes.get(batchCallId);
            lowest = Math.min(lowest, pass);
            highest = Math.max(highest, pass);
        }
        return own == null ? lowest : Math.min(Math.max(own, lowest), highest);
    }
}
