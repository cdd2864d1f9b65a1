package ai.truedy.loader.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Output files appear whole or not at all: content goes to a hidden temporary name in the target
 * folder (which the inbox watcher ignores), is flushed to disk, then renamed into place.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The hidden temporary name a file is written under before it is renamed to {@code target}. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Streams content to the temporary file (a report of 100,000 batches is not built in memory first). */
    public static void write(Path target, Content content) throws IOException {
        Path temporary = temporaryFor(target);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            content.writeTo(out);
        }
        commit(temporary, target);
    }

    /** What goes into a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Flushes a finished temporary file to disk and renames it to its final name. */
    public static void commit(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
