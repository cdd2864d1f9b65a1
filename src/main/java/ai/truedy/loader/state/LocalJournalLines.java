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
    private OutputStream out;

    LocalJournalLines(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized void begin(String line) throws IOException {
        close();
        out = new FileOutputStream(path.toFile(), false);
        write(line);
    }

    @Override
    public void settled(String line) throws IOException {
        append(line);
    }

    @Override
    public synchronized void append(String line) throws IOException {
        if (out == null) {
            out = new FileOutputStream(path.toFile(), true);
        }
        write(line);
    }

    @Override
    public synchronized void rekey(String key) throws IOException {
        close();
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

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void write(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
