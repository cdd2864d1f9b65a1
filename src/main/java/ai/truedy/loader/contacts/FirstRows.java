package ai.truedy.loader.contacts;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the first row of each E.164 number per batch call, to refuse later rows with the same
 * number. It must hold every number of a file, and a file may have tens of millions, so it lives
 * outside the heap: one open-addressing table of (number, batch call, row) slots, 16 bytes each,
 * in a scratch file mapped into memory, whatever the number of batch calls (each is known by a
 * small number). The heap the loader needs does not grow with the file, and the mappings and file
 * handles do not grow with its batch calls; the operating system pages the table as memory allows.
 * The scratch file is created with the first number and deleted when the file is done. For a
 * message of a few contacts there is no scratch folder, and a plain set on the heap does the job.
 */
final class FirstRows implements Closeable {

    /** A file's first rows can mislead: a larger table than this is still reached by doubling. */
    static final long MAX_EXPECTED = 20_000_000;

    private final Path scratchFolder;
    private final Map<String, Integer> batchCalls = new HashMap<>();
    private final Map<String, Long> onHeap;
    private NumberTable table;

    /** @param scratchFolder where the mapped table is kept while the file is loaded; null: on the heap */
    FirstRows(Path scratchFolder) {
        this.scratchFolder = scratchFolder;
        this.onHeap = scratchFolder == null ? new HashMap<>() : null;
    }

    /** The first row with this number for this batch call; or, if this is the first, 0, and it is recorded. */
    long putIfAbsent(String batchCallId, String e164, long row) {
        if (onHeap != null) {
            Long first = onHeap.putIfAbsent(e164 + ' ' + batchCallId, row);
            return first == null ? 0 : first;
        }
        long digits = Long.parseLong(e164, 1, e164.length(), 10);
        int batchCall = batchCalls.computeIfAbsent(batchCallId, id -> batchCalls.size() + 1);
        return table().putIfAbsent(digits, batchCall, (int) Math.min(row, Integer.MAX_VALUE));
    }

    /**
     * About how many numbers the file holds, once its first rows tell: the table is made that large
     * at once instead of doubling its way there (each doubling rewrites it, and the operating system
     * writes the mapped pages back in between). No smaller than it is; at most {@value #MAX_EXPECTED}.
     */
    void expect(long numbers) {
        if (onHeap != null || numbers <= 0) {
            return;
        }
        table().expect(Math.min(numbers, MAX_EXPECTED));
    }

    /** The mapped table, created with the first number (or the first expectation). */
    private NumberTable table() {
        if (table == null) {
            table = new NumberTable(scratchFolder);
        }
        return table;
    }

    @Override
    public void close() {
        if (table != null) {
            table.close();
            table = null;
        }
        batchCalls.clear();
        if (onHeap != null) {
            onHeap.clear();
        }
    }

    /**
     * (long, int) keys (the number is never 0: an E.164 number has digits) to int values in 256
     * segments, each a region of the mapped scratch file; a full segment moves to a region twice its size.
     */
    private static final class NumberTable {
        private static final int SEGMENT_BITS = 8;
        private static final int SLOT = 16;
        private static final double MAX_LOAD = 0.75;
        private static final long MIX = 0x9E3779B97F4A7C15L;

        private final FileChannel channel;
        private final MappedByteBuffer[] segments = new MappedByteBuffer[1 << SEGMENT_BITS];
        private final int[] sizes = new int[1 << SEGMENT_BITS];
        private long fileEnd;

        NumberTable(Path scratchFolder) {
            try {
                Files.createDirectories(scratchFolder);
                Path file = Files.createTempFile(scratchFolder, "numbers-", ".table");
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                for (int s = 0; s < segments.length; s++) {
                    segments[s] = region(64);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the duplicate-number table in " + scratchFolder, e);
            }
        }

        int putIfAbsent(long key, int batchCall, int row) {
            long hash = (key ^ ((long) batchCall << 50)) * MIX;
            int segment = (int) (hash >>> (64 - SEGMENT_BITS));
            if (sizes[segment] + 1 > capacity(segments[segment]) * MAX_LOAD) {
                grow(segment, capacity(segments[segment]) * 2);
            }
            MappedByteBuffer slots = segments[segment];
            int mask = capacity(slots) - 1;
            for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
                long found = slots.getLong(slot * SLOT);
                if (found == key && slots.getInt(slot * SLOT + 8) == batchCall) {
                    return slots.getInt(slot * SLOT + 12);
                }
                if (found == 0) {
                    slots.putLong(slot * SLOT, key);
                    slots.putInt(slot * SLOT + 8, batchCall);
                    slots.putInt(slot * SLOT + 12, row);
                    sizes[segment]++;
                    return 0;
                }
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void expect(long numbers) {
            long perSegment = (long) Math.ceil(numbers / (double) segments.length / MAX_LOAD);
            int capacity = Integer.highestOneBit((int) Math.max(64, perSegment - 1)) * 2;
            for (int segment = 0; segment < segments.length; segment++) {
                if (capacity(segments[segment]) < capacity) {
                    grow(segment, capacity);
                }
            }
        }

        private void grow(int segment, int capacity) {
            MappedByteBuffer old = segments[segment];
            MappedByteBuffer grown = region(capacity);
            int mask = capacity(grown) - 1;
            for (int i = 0; i < capacity(old); i++) {
                long key = old.getLong(i * SLOT);
                if (key != 0) {
                    int batchCall = old.getInt(i * SLOT + 8);
                    int slot = (int) ((key ^ ((long) batchCall << 50)) * MIX) & mask;
                    while (grown.getLong(slot * SLOT) != 0) {
                        slot = (slot + 1) & mask;
                    }
                    grown.putLong(slot * SLOT, key);
                    grown.putInt(slot * SLOT + 8, batchCall);
                    grown.putInt(slot * SLOT + 12, old.getInt(i * SLOT + 12));
                }
            }
            segments[segment] = grown;
        }

        /** A new zeroed region at the end of the scratch file, mapped. */
        private MappedByteBuffer region(int capacity) {
            try {
                long size = (long) capacity * SLOT;
                MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_WRITE, fileEnd, size);
                fileEnd += size;
                return region;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot grow the duplicate-number table", e);
            }
        }

        private static int capacity(MappedByteBuffer slots) {
            return slots.capacity() / SLOT;
        }
    }
}
