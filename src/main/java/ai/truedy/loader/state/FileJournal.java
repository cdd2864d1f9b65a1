package ai.truedy.loader.state;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.SettledBatch;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The journal of one file, kept as {@link JournalLines} (a local file, or rows in the cluster's
 * database): one JSON line when the file starts, one per batch as soon as its outcome is final,
 * one when the file is done, and one at each restart, graceful stop and growth after archiving.
 * Each line is kept durably before the batch counts as settled, so after a crash (even
 * {@code kill -9}, or the loss of the instance's machine in a cluster) a restart
 * resumes the file and sends only the batches that were not settled. A done journal is also the
 * memory of a file already loaded, for the duplicate window, and of the size and first bytes its
 * archived original had, for the settle watch. It listens to the file's settled batches.
 */
public final class FileJournal implements BatchListener, Closeable {

    /** What the journal says about the file when it is picked up. */
    public enum Status {
        /** Never seen, or seen longer ago than the duplicate window: load it. */
        NEW,
        /** Interrupted: load it again, skipping the batches already settled. */
        RESUME,
        /** Loaded, archived, then it grew: read it again, sending only the rows past what was settled. */
        EXTEND,
        /** Loaded already within the duplicate window: do not send it again. */
        DUPLICATE
    }

    /**
     * The first line: where the file's outputs go, so that a resumed file keeps them; size is what
     * was hashed for the key; batchSize is {@code truedy.batch-size} then, so that whoever resumes
     * the file cuts the same batches (null in journals from before it was kept).
     */
    public record Start(String file, String stem, String retryFile, String startedAt, Long size, Integer batchSize) {
    }

    /**
     * The last line of a load.
     *
     * @param archived   where the original was moved
     * @param size       its length when it was archived
     * @param headSha256 SHA-256 of its first bytes then, to tell growth from a rewrite
     * @param tail       its last row when that row had no line break: it may have been cut
     */
    public record Done(String report, String finishedAt, String archived, Long size, String headSha256, Tail tail) {
    }

    /** A last row read without a line break after it, as it was read. */
    public record Tail(long row, List<String> values) {
    }

    private final JournalLines lines;
    private final ObjectMapper json;
    private final JournalHistory history;
    private final Runnable onChange;
    private int recorded;

    private FileJournal(JournalLines lines, ObjectMapper json, JournalHistory history, Runnable onChange) {
        this.lines = lines;
        this.json = json;
        this.history = history;
        this.onChange = onChange;
    }

    /**
     * A journal read back from the lines kept so far, up to a line the process died while writing
     * (that batch was not settled).
     *
     * @param onChange told after each line that changes what the journal says of the file
     *                 (started, grown, done), so that a store can index it
     */
    public static FileJournal read(JournalLines lines, Iterable<String> kept, ObjectMapper json,
                                   java.util.function.Consumer<FileJournal> onChange) {
        JournalHistory history = new JournalHistory();
        for (String text : kept) {
            try {
                history.add(json.readValue(text, JournalLine.class));
            } catch (IOException halfWritten) {
                break;
            }
        }
        FileJournal[] journal = new FileJournal[1];
        journal[0] = new FileJournal(lines, json, history, () -> onChange.accept(journal[0]));
        return journal[0];
    }

    /** Where the lines are kept. */
    public JournalLines lines() {
        return lines;
    }

    /** Whether this instance may still send and settle for the file: false once another took it over. */
    public boolean held() {
        return lines.held();
    }

    public Status status(Duration duplicateWindow) {
        return history.status(duplicateWindow);
    }

    /** How the file was started the last time (null for a new file). */
    public Start previousStart() {
        return history.start();
    }

    /** How the file was finished the last time (null if it was not). */
    public Done previousDone() {
        return history.done();
    }

    /** How many of the file's first bytes its journal was keyed on: as it was when done, else when started. */
    public Long hashedLength() {
        if (history.done() != null) {
            return history.done().size();
        }
        return history.start() == null ? null : history.start().size();
    }

    /** Whether the file is being read again because its archived original grew. */
    public boolean isRegrown() {
        return history.regrown();
    }

    /** Restarts in a row that found the file interrupted by a crash, with no batch settled since. */
    public int crashesWithoutProgress() {
        return history.crashesWithoutProgress();
    }

    /** Whether the last load ended with a graceful stop (or the file was set aside), not a crash. */
    public boolean stoppedOnPurpose() {
        return history.stoppedOnPurpose();
    }

    /** Starts the journal afresh for a new load of the file. */
    public synchronized void begin(Start start) throws IOException {
        lines.begin(text(start));
        history.add(JournalLine.of(start));
        onChange.run();
    }

    /** Goes on with the journal of an interrupted load, or of a file that grew. */
    public synchronized void resume(boolean afterCrash) throws IOException {
        append(new JournalLine.Resumed(Instant.now().toString(), afterCrash));
    }

    /** The file is left in the inbox on purpose: the next start does not count it as a crash. */
    public synchronized void stopped() throws IOException {
        append(new JournalLine.Stopped(Instant.now().toString()));
    }

    /** The archived original grew to {@code size}: the next pick-up reads it again. */
    public synchronized void regrown(long size) throws IOException {
        append(new JournalLine.Regrown(Instant.now().toString(), size));
        close();
        onChange.run();
    }

    /** Batches settled so far: before a restart, and in this load. */
    public synchronized int settledCount() {
        return history.settledCount() + recorded;
    }

    /** The parts of a batch settled before a restart (or before the file grew), oldest first. */
    public List<SettledBatch> settledBefore(String batchCallId, int batch, long firstRow, long lastRow) {
        return history.settledWithin(batchCallId, batch, firstRow, lastRow);
    }

    /** Whether a row was in a batch settled before (of any batch call). */
    public boolean settledBefore(long row) {
        return history.covers(row);
    }

    /**
     * Writes down a batch's final outcome; returns once the line is with the operating system. Only
     * the outcomes read back from an earlier load are kept in memory, not the ones written now.
     */
    public synchronized void record(SettledBatch batch) {
        try {
            lines.settled(text(batch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + lines.describe(), e);
        }
        recorded++;
    }

    /** A batch answered now is recorded before the ledger counts it; one replayed from here is in already. */
    @Override
    public void settled(BatchSettled settled) {
        if (!settled.replayed()) {
            record(settled.entry());
        }
    }

    /**
     * The file is done: its outputs are in place. The journal is then known by {@code key}, the
     * SHA-256 of everything that was read, which differs from the key it was opened with when the
     * file grew while it was read.
     */
    public synchronized void complete(Done done, String key) throws IOException {
        append(done);
        close();
        lines.rekey(key);
        onChange.run();
    }

    @Override
    public synchronized void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + lines.describe(), e);
        }
    }

    /** A line other than a batch's outcome: kept, and remembered (the outcomes written now are not kept in memory). */
    private void append(Object part) throws IOException {
        lines.append(text(part));
        history.add(JournalLine.of(part));
    }

    private String text(Object part) throws IOException {
        return json.writeValueAsString(JournalLine.of(part));
    }
}
