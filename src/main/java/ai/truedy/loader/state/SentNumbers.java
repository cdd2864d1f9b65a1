package ai.truedy.loader.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The numbers each batch call already has, as the loader remembers them, with the file load that
 * sent each: per batch call one sorted array of longs, each a number's E.164 digits (up to 15, in
 * {@value #NUMBER_BITS} bits) beside the slot of its load (in {@value #SLOT_BITS} bits: at most
 * {@value #MAX_LOADS} loads per batch call within {@code loader.sent-memory}). Eight bytes
 * a number, found by binary search (a bitmap per load would spend tens of bytes on each of its
 * sparse numbers). Look-ups read an immutable snapshot and take no lock; a load added or dropped
 * replaces its batch call's array, for a moment twice its size.
 */
public final class SentNumbers {

    private static final int SLOT_BITS = 13;
    /** Bits of the number: E.164 has at most 15 digits, below 2^50, and the entries stay positive. */
    private static final int NUMBER_BITS = 63 - SLOT_BITS;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** Loads remembered per batch call at most at once. */
    static final int MAX_LOADS = 1 << SLOT_BITS;

    /**
     * One file load's numbers for one batch call.
     *
     * @param stem  the load's output stem: a file read again (resumed, or grown after archiving) replaces its own
     * @param file  the file's path in the inbox
     * @param count its numbers
     */
    public record Generation(String batchCallId, String stem, String file, Instant finishedAt, int count) {
    }

    private final Map<String, NumberIndex> byBatchCall = new ConcurrentHashMap<>();

    /** The E.164 number as the memory holds it: its digits. */
    public static long digits(String e164) {
        return Long.parseLong(e164, 1, e164.length(), 10);
    }

    /**
     * Adds a load's numbers (sorted, each once), in place of the same load's (batch call and stem);
     * false when the batch call has {@value #MAX_LOADS} loads remembered already.
     */
    public synchronized boolean add(Generation generation, long[] sorted) {
        NumberIndex known = byBatchCall.getOrDefault(generation.batchCallId(), new NumberIndex(new long[0], new Generation[0]));
        Generation[] slots = Arrays.copyOf(known.slots(), Math.max(known.slots().length, 1));
        int replaced = slotOf(known.slots(), generation.stem());
        int slot = replaced >= 0 ? replaced : firstFree(slots);
        if (slot < 0) {
            if (known.slots().length >= MAX_LOADS) {
                return false;
            }
            slots = Arrays.copyOf(known.slots(), known.slots().length + 1);
            slot = known.slots().length;
        }
        slots[slot] = generation;
        long[] kept = replaced >= 0 ? without(known.entries(), Set.of(replaced)) : known.entries();
        long[] added = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            added[i] = sorted[i] << SLOT_BITS | slot;
        }
        byBatchCall.put(generation.batchCallId(), new NumberIndex(merge(kept, added), slots));
        return true;
    }

    /** Drops the loads finished before {@code cutoff}; returns them. */
    public synchronized List<Generation> dropFinishedBefore(Instant cutoff) {
        List<Generation> dropped = new ArrayList<>();
        for (Map.Entry<String, NumberIndex> entry : Map.copyOf(byBatchCall).entrySet()) {
            Generation[] slots = entry.getValue().slots().clone();
            Set<Integer> old = new HashSet<>();
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot] != null && slots[slot].finishedAt().isBefore(cutoff)) {
                    dropped.add(slots[slot]);
                    slots[slot] = null;
                    old.add(slot);
                }
            }
            if (Arrays.stream(slots).allMatch(Objects::isNull)) {
                byBatchCall.remove(entry.getKey());
            } else if (!old.isEmpty()) {
                byBatchCall.put(entry.getKey(), new NumberIndex(without(entry.getValue().entries(), old), slots));
            }
        }
        return dropped;
    }

    /**
     * A load of the batch call that sent the number, finished at or after {@code notBefore}, other
     * than the load with {@code exceptStem}; null when there is none.
     */
    public Generation find(String batchCallId, long number, String exceptStem, Instant notBefore) {
        NumberIndex known = byBatchCall.get(batchCallId);
        if (known == null) {
            return null;
        }
        long[] entries = known.entries();
        for (int i = known.firstAtOrAbove(number << SLOT_BITS); i < entries.length && entries[i] >>> SLOT_BITS == number;
             i++) {
            Generation generation = known.slots()[(int) (entries[i] & SLOT_MASK)];
            if (!generation.finishedAt().isBefore(notBefore) && !generation.stem().equals(exceptStem)) {
                return generation;
            }
        }
        return null;
    }

    /** The stems of the batch call's loads. */
    public Set<String> stemsOf(String batchCallId) {
        NumberIndex known = byBatchCall.get(batchCallId);
        return known == null ? Set.of() : Arrays.stream(known.slots()).filter(Objects::nonNull)
                .map(Generation::stem).collect(Collectors.toUnmodifiableSet());
    }

    /** Numbers remembered, over all batch calls (a number sent by two loads counts twice). */
    public long size() {
        return byBatchCall.values().stream().mapToLong(known -> known.entries().length).sum();
    }

    private static int slotOf(Generation[] slots, String stem) {
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] != null && slots[slot].stem().equals(stem)) {
                return slot;
            }
        }
        return -1;
    }

    private static int firstFree(Generation[] slots) {
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] == null) {
                return slot;
            }
        }
        return -1;
    }

    private static long[] without(long[] entries, Set<Integer> slots) {
        long[] kept = new long[entries.length];
        int size = 0;
        for (long entry : entries) {
            if (!slots.contains((int) (entry & SLOT_MASK))) {
                kept[size++] = entry;
            }
        }
        return Arrays.copyOf(kept, size);
    }

    private static long[] merge(long[] one, long[] other) {
        long[] merged = new long[one.length + other.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < one.length && j < other.length) {
            merged[k++] = one[i] <= other[j] ? one[i++] : other[j++];
        }
        System.arraycopy(one, i, merged, k, one.length - i);
        System.arraycopy(other, j, merged, k + one.length - i, other.length - j);
        return merged;
    }
}
