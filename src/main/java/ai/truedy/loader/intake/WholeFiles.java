package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files this loader moved into the inbox whole: the retry files it wrote, re-driven. Their end is
 * their end, so reading them does not wait for {@code loader.settle-time} (a re-drive "now" would
 * otherwise wait up to that long at the end of every file). A file counts as whole only while its
 * modification time is the one it had when it was moved: written to since, it settles like any
 * other. Another instance of a cluster does not know them, and lets them settle.
 */
public final class WholeFiles {

    private final Map<Path, FileTime> movedIn = new ConcurrentHashMap<>();

    /** The loader has just moved a whole file into the inbox. */
    void movedIn(Path file) throws IOException {
        movedIn.put(key(file), Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
    }

    /** Forgets the files no longer in the inbox (loaded and archived): once before each round of moves. */
    void forgetGone() {
        movedIn.keySet().removeIf(path -> !Files.exists(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** Whether a file in the inbox is one the loader moved there whole, unchanged since. */
    public boolean isWhole(Path file) {
        FileTime moved = movedIn.get(key(file));
        try {
            return moved != null && moved.equals(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
