package ai.truedy.loader.contacts;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the first row of each E.164 number per batch call, to refuse later rows with the same
 * number. A file of millions of rows is held in about 16 bytes a number: numbers are kept as longs
 * (their digits) with int row numbers in open-addressing tables, split into segments that grow
 * one at a time, so no growth step ever needs twice the memory of the whole.
 */
final class FirstRows {

    private final Map<String, NumberTable> byBatchCall = new HashMap<>();

    /** The first row with this number for this batch call; or, if this is the first, 0, and it is recorded. */
    long putIfAbsent(String batchCallId, String e164, long row) {
        long digits = Long.parseLong(e164, 1, e164.length(), 10);
        return byBatchCall.computeIfAbsent(batchCallId, id -> new NumberTable())
                .putIfAbsent(digits, (int) Math.min(row, Integer.MAX_VALUE));
    }

    /** Long keys (never 0: an E.164 number has digits) to int values, in 256 segments. */
    private static final class NumberTable {
        private static final int SEGMENT_BITS = 8;
        private static final double MAX_LOAD = 0.85;

        private final long[][] keys = new long[1 << SEGMENT_BITS][];
        private final int[][] rows = new int[1 << SEGMENT_BITS][];
        private final int[] sizes = new int[1 << SEGMENT_BITS];

        NumberTable() {
            for (int s = 0; s < keys.length; s++) {
                keys[s] = new long[16];
                rows[s] = new int[16];
            }
        }

        int putIfAbsent(long key, int row) {
            long hash = key * 0x9E3779B97F4A7C15L;
            int segment = (int) (hash >>> (64 - SEGMENT_BITS));
            if (sizes[segment] + 1 > keys[segment].length * MAX_LOAD) {
                grow(segment);
            }
            long[] segmentKeys = keys[segment];
            int mask = segmentKeys.length - 1;
            for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
                if (segmentKeys[slot] == key) {
                    return rows[segment][slot];
                }
                if (segmentKeys[slot] == 0) {
                    segmentKeys[slot] = key;
                    rows[segment][slot] = row;
                    sizes[segment]++;
                    return 0;
                }
            }
        }

        private void grow(int segment) {
            long[] oldKeys = keys[segment];
            int[] oldRows = rows[segment];
            long[] newKeys = new long[oldKeys.length * 2];
            int[] newRows = new int[oldKeys.length * 2];
            int mask = newKeys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = (int) (oldKeys[i] * 0x9E3779B97F4A7C15L) & mask;
                    while (newKeys[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    newKeys[slot] = oldKeys[i];
                    newRows[slot] = oldRows[i];
                }
            }
            keys[segment] = newKeys;
            rows[segment] = newRows;
        }
    }
}
