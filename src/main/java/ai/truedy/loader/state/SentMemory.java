package ai.truedy.loader.state;

import java.time.Instant;
import java.util.Map;

/**
 * What the loader remembers of the numbers Truedy accepted, per batch call, for {@code
 * loader.sent-memory}: a number is remembered once its file is done, for each batch it was in that
 * was settled as accepted (a 200, without the contacts a 422 named), never before. Local files under
 * {@code loader.state} ({@link LocalSentMemory}), or the cluster's database.
 */
public interface SentMemory {

    /** Remembers nothing (loader.sent-memory = 0). */
    SentMemory NONE = new SentMemory() {
        @Override
        public String sentBefore(String batchCallId, String e164, String exceptStem, Instant notBefore) {
            return null;
        }

        @Override
        public void remember(String stem, String file, Instant finishedAt, Map<String, long[]> accepted) {
        }
    };

    /**
     * When and from which file the number was accepted for the batch call, by a load finished at or
     * after {@code notBefore}, in words ("on 2026-12-01T10:00:00Z from bc_1/day-1.csv"), leaving out
     * what the load with stem {@code exceptStem} remembered (the same file read again); null when it was not.
     */
    String sentBefore(String batchCallId, String e164, String exceptStem, Instant notBefore);

    /**
     * Remembers the numbers a file load had accepted (E.164 digits, sorted, each once), by batch call, in place of what the same load
     * (stem) remembered before. Kept durably before it returns; should that fail, the numbers are
     * only forgotten (they are sent again, and Truedy skips them), and the failure is logged.
     */
    void remember(String stem, String file, Instant finishedAt, Map<String, long[]> accepted);

    /** How a generation is told in an {@code already_sent} row's detail. */
    static String inWords(SentNumbers.Generation generation) {
        return "on " + generation.finishedAt() + " from " + generation.file();
    }
}
