package ai.truedy.loader.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import ai.truedy.loader.model.FileDigests;

/**
 * What the loader remembers beyond one file: each file's journal (to resume after a crash, and to
 * know content loaded already, for the duplicate window) and the output names taken. Today's store
 * is {@link FileJournals}, local files under {@code loader.state}; instances that share an inbox
 * will need one they share.
 */
public interface StateStore {

    /**
     * The journal of a file as it is now, with what it says of earlier loads of the same content.
     *
     * @param byName       true for a re-driven retry file, which is known by its name as well as its content
     * @param relativePath the file's path in the inbox, under which a journal of its earlier, shorter content is found
     */
    FileJournal journal(Path file, boolean byName, String relativePath) throws IOException;

    /**
     * The key a file's journal is known by once the file is done: the digest of everything read
     * ({@code contentRead} is used up), for the file's batch call ({@link JournalKeys}).
     */
    String keyOf(MessageDigest contentRead, Path file, boolean byName, String relativePath);

    /** How long content that was loaded is known again: dropped again within it, it is not sent again. */
    Duration duplicateWindow();

    /** Where a file's working data (its table of numbers seen) is kept while it is loaded. */
    Path scratchFolder();

    /**
     * Once, at start: the journals of originals archived within {@code window}, for the settle
     * watch; journals older than the duplicate window and the watch are forgotten.
     */
    List<FileJournal> archivedWithin(Duration window) throws IOException;

    /** Takes an output name (a stem, a retry file's name); false when it was taken already. */
    boolean reserve(String name);

    /**
     * A store's scratch folder, made if missing, with the working tables a killed run left in it
     * deleted (only files: another store's folder inside it is left alone).
     */
    static Path emptyScratch(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return folder;
    }

    /** The digest of everything read (and the name, for a re-driven retry file): the key journals had in 0.1. */
    static String key(MessageDigest contentRead, Path file, boolean byName) {
        MessageDigest digest = contentRead;
        if (byName) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        }
        return FileDigests.hex(digest.digest());
    }
}
