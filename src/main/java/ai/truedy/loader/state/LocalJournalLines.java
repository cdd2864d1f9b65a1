package ai.truedy.loader.state;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A journal as a local file, {@code <loader.state>/files/<key>.journal}, one JSON line each. Every
 * line is flushed to the operating system before the call returns, so a {@code kill -9} loses
 * nothing written; a line the process died while writing is ignored when the journal is read.
 */
final class LocalJournalLines implements JournalLines {

    private volatile Path path;
    private final JournalsInUse inUse;
    private final String file;
    private OutputStream out;

    /** A journal that is only read, never written here (a preview's look-up). */
    LocalJournalLines(Path path) {
        this(path, null, null);
    }

    /**
     * @param inUse the journals in use, where this one is the file's until {@link #close()}; another
     *              file with the same content waits for it
     * @param file  the file the journal is used for, by its path in the inbox
     */
    LocalJournalLines(Path path, JournalsInUse inUse, String file) {
        this.path = path;
        this.inUse = inUse;
        this.file = file;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized void begin(String line) throws IOException {
        closeFile();
        open(false);
        write(line);
    }

    @Override
    public void settled(String line) throws IOException {
        append(line);
    }

    @Override
    public synchronized void append(String line) throws IOException {
        if (out == null) {
            open(true);
        }
        write(line);
    }

    @Override
    public synchronized void rekey(String key) throws IOException {
        closeFile();
        Path target = path.resolveSibling(key + ".journal");
        if (!target.equals(path)) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            path = target;
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }

    /** Closes the file, and lets another file with the same content have the journal. */
    @Override
    public synchronized void close() throws IOException {
        try {
            closeFile();
        } finally {
            if (inUse != null) {
                inUse.release(path, file);
            }
        }
    }

    private void closeFile() throws IOException {
        if (out != null) {
            try {
                out.close();
            } finally {
                out = null;
            }
        }
    }

    private void open(boolean append) throws IOException {
        out = new FileOutputStream(path.toFile(), append);
    }

    private void write(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
