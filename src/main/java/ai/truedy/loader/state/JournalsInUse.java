package ai.truedy.loader.state;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local journals in use now, each by the file being loaded with it. Files are loaded side by
 * side, and two files with the same content share one journal: the second waits until the first
 * is done with it, and then counts as its duplicate, instead of writing into the first one's journal.
 */
final class JournalsInUse {

    private static final Logger LOG = LoggerFactory.getLogger(FileJournals.class);
    private static final long RECHECK_MILLIS = 1000;

    private final Map<Path, String> writers = new HashMap<>();
    private final BooleanSupplier stopping;

    /** @param stopping whether the loader is stopping: a file waiting for another then stops waiting */
    JournalsInUse(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    /** Takes the journal at {@code path} for {@code file}, first waiting while another file has it. */
    synchronized void take(Path path, String file) {
        String writer = writers.get(path);
        if (writer != null && !writer.equals(file)) {
            LOG.info("{} has the same content as {}, which is being loaded now: it waits, and then counts as its"
                    + " duplicate", file, writer);
            try {
                while (writers.containsKey(path)) {
                    if (stopping.getAsBoolean()) {
                        throw new JournalUnavailableException(file + " stays in the inbox: the loader is stopping while"
                                + " it waits for " + writer + ", which has the same content");
                    }
                    wait(RECHECK_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JournalUnavailableException(file + " stays in the inbox: interrupted while it waits for "
                        + writer);
            }
        }
        writers.put(path, file);
    }

    /** {@code file} is done with the journal at {@code path}. */
    synchronized void release(Path path, String file) {
        if (writers.remove(path, file)) {
            notifyAll();
        }
    }
}
