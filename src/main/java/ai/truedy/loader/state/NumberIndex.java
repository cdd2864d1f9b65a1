package ai.truedy.loader.state;

import java.util.Arrays;

/**
 * A batch call's remembered numbers: each number beside the slot of the load that sent it, in one
 * sorted array of longs; its loads by slot; and every {@value #STRIDE}th entry, a small index that
 * keeps most of a search in the processor's cache.
 */
record NumberIndex(long[] entries, SentNumbers.Generation[] slots, long[] sample) {

    private static final int STRIDE = 64;

    NumberIndex(long[] entries, SentNumbers.Generation[] slots) {
        this(entries, slots, sample(entries));
    }

    private static long[] sample(long[] entries) {
        long[] sample = new long[(entries.length + STRIDE - 1) / STRIDE];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = entries[i * STRIDE];
        }
        return sample;
    }

    /** The first entry at or above {@code key}. */
    int firstAtOrAbove(long key) {
        int p = Arrays.binarySearch(sample, key);
        if (p >= 0) {
            while (p > 0 && sample[p - 1] == key) {
                p--;
            }
            return p * STRIDE == 0 ? 0 : firstIn(key, (p - 1) * STRIDE, p * STRIDE);
        }
        p = -p - 1;
        return p == 0 ? 0 : firstIn(key, (p - 1) * STRIDE, Math.min(p * STRIDE, entries.length));
    }

    private int firstIn(long key, int from, int to) {
        int at = Arrays.binarySearch(entries, from, to, key);
        if (at < 0) {
            return -at - 1;
        }
        while (at > from && entries[at - 1] == key) {
            at--;
        }
        return at;
    }
}
