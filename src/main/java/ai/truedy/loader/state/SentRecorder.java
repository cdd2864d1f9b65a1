package ai.truedy.loader.state;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.BatchSettled;

/**
 * Collects, while a file is loaded, the numbers of its batches settled as accepted (answered now,
 * or replayed from its journal after a restart), by batch call; once the file is done they are
 * remembered. A batch settled as accepted holds only the contacts Truedy took: those a 422 named
 * were taken out of it before it was sent again.
 */
public final class SentRecorder implements BatchListener {

    /** A batch call's numbers so far, in a growing array: eight bytes each, whatever their spread. */
    private static final class Numbers {
        private long[] numbers = new long[256];
        private int size;

        void add(long number) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            numbers[size++] = number;
        }

        long[] sortedOnce() {
            long[] sorted = Arrays.copyOf(numbers, size);
            Arrays.sort(sorted);
            int kept = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[kept++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, kept);
        }
    }

    private final SentMemory memory;
    private final String stem;
    private final String file;
    private final Map<String, Numbers> accepted = new HashMap<>();

    /**
     * @param stem the load's output stem
     * @param file the file's path in the inbox
     */
    public SentRecorder(SentMemory memory, String stem, String file) {
        this.memory = memory;
        this.stem = stem;
        this.file = file;
    }

    @Override
    public synchronized void settled(BatchSettled settled) {
        if (settled.outcome().disposition() == Disposition.ACCEPTED && memory != SentMemory.NONE) {
            Numbers numbers = accepted.computeIfAbsent(settled.batch().batchCallId(), id -> new Numbers());
            settled.batch().items().forEach(item -> numbers.add(SentNumbers.digits(item.contact().phoneNumber())));
        }
    }

    /** The file is done: its accepted numbers are remembered. */
    public synchronized void fileDone(Instant finishedAt) {
        if (!accepted.isEmpty()) {
            Map<String, long[]> sorted = new HashMap<>();
            accepted.forEach((batchCallId, numbers) -> sorted.put(batchCallId, numbers.sortedOnce()));
            accepted.clear();
            memory.remember(stem, file, finishedAt, sorted);
        }
    }
}
