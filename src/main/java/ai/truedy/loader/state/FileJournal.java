package ai.truedy.loader.state;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The journal of one file, {@code <loader.state>/files/<sha256>.journal}: one JSON line when the
 * file starts, one per batch as soon as its outcome is final, one when the file is done. Each line
 * is handed to the operating system before the batch counts as settled, so after a crash (even
 * {@code kill -9}) a restart resumes the file and sends only the batches that were not settled.
 * A done journal is also the memory of a file already loaded, for the duplicate window.
 */
public final class FileJournal implements Closeable {

    /** What the journal says about the file when it is picked up. */
    public enum Status {
        /** Never seen, or seen longer ago than the duplicate window: load it. */
        NEW,
        /** Interrupted: load it again, skipping the batches already settled. */
        RESUME,
        /** Loaded already within the duplicate window: do not send it again. */
        DUPLICATE
    }

    /** The first line: where the file's outputs go, so that a resumed file keeps them. */
    public record Start(String file, String stem, String retryFile, String startedAt) {
    }

    /** The last line. */
    public record Done(String report, String finishedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(Start start, SettledBatch batch, Done done) {
    }

    private final Path path;
    private final ObjectMapper json;
    private final Start start;
    private final Done done;
    private final Map<String, SettledBatch> settled = new ConcurrentHashMap<>();
    private OutputStream out;
    private int recorded;

    FileJournal(Path path, ObjectMapper json, Start start, Map<String, SettledBatch> settled, Done done) {
        this.path = path;
        this.json = json;
        this.start = start;
        this.done = done;
        this.settled.putAll(settled);
    }

    public Status status(Duration duplicateWindow) {
        if (start == null) {
            return Status.NEW;
        }
        if (done == null) {
            return Status.RESUME;
        }
        boolean recent = Instant.parse(done.finishedAt()).isAfter(Instant.now().minus(duplicateWindow));
        return recent && !duplicateWindow.isZero() ? Status.DUPLICATE : Status.NEW;
    }

    /** How the file was started the last time (null for a new file). */
    public Start previousStart() {
        return start;
    }

    /** How the file was finished the last time (null if it was not). */
    public Done previousDone() {
        return done;
    }

    /** Starts the journal afresh for a new load of the file. */
    public synchronized void begin(Start start) throws IOException {
        out = new FileOutputStream(path.toFile(), false);
        settled.clear();
        append(new Line(start, null, null));
    }

    /** Goes on with the journal of an interrupted load. */
    public synchronized void resume() throws IOException {
        out = new FileOutputStream(path.toFile(), true);
    }

    /** Batches settled so far: before a restart, and in this load. */
    public synchronized int settledCount() {
        return settled.size() + recorded;
    }

    /** The outcome of a batch settled before a restart, if it was. */
    public Optional<SettledBatch> settledBefore(int batch, long firstRow, long lastRow) {
        return Optional.ofNullable(settled.get(SettledBatch.key(batch, firstRow, lastRow)));
    }

    /**
     * Writes down a batch's final outcome; returns once the line is with the operating system. Only
     * the outcomes read back from an earlier load are kept in memory, not the ones written now.
     */
    public synchronized void record(SettledBatch batch) {
        append(new Line(null, batch, null));
        recorded++;
    }

    /** The file is done: its outputs are in place. */
    public synchronized void complete(Done done) {
        append(new Line(null, null, done));
        close();
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + path, e);
            }
            out = null;
        }
    }

    private void append(Line line) {
        try {
            byte[] bytes = json.writeValueAsBytes(line);
            byte[] withNewline = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
            withNewline[bytes.length] = '\n';
            out.write(withNewline);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + path, e);
        }
    }
}
