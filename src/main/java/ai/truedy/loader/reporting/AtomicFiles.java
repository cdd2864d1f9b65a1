package ai.truedy.loader.reporting;

import java.io.IOException;
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
        Path temporary = temporaryFor(target);
        Files.write(temporary, content);
        commit(temporary, target);
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
