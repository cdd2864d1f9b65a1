package ai.truedy.loader.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the journal of a file by the SHA-256 of its bytes, so the same content is known whatever
 * its name or folder. A re-driven retry file is known by its name too, since two rounds may hold
 * the same rows. Journals of files done longer ago than the duplicate window are forgotten at start.
 */
public final class FileJournals {

    private static final Logger LOG = LoggerFactory.getLogger(FileJournals.class);

    private final Path folder;
    private final Path scratch;
    private final Duration duplicateWindow;
    private final ObjectMapper json;

    public FileJournals(Path stateFolder, Duration duplicateWindow, ObjectMapper json) throws IOException {
        this.folder = Files.createDirectories(stateFolder.resolve("files"));
        this.scratch = Files.createDirectories(stateFolder.resolve("scratch"));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(scratch)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover); // from a run that was killed
            }
        }
        this.duplicateWindow = duplicateWindow;
        this.json = json;
    }

    /** Where a file's working data (its table of numbers seen) is kept while it is loaded. */
    public Path scratchFolder() {
        return scratch;
    }

    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    /**
     * The journal of a file as it is now.
     *
     * @param byName true for a re-driven retry file, which is known by its name as well as its content
     */
    public FileJournal of(Path file, boolean byName) throws IOException {
        return read(folder.resolve(key(file, byName) + ".journal"));
    }

    /** Deletes the journals of files done longer ago than the duplicate window. */
    public void forgetExpired() throws IOException {
        Instant before = Instant.now().minus(duplicateWindow);
        int forgotten = 0;
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*.journal")) {
            for (Path journal : journals) {
                FileJournal.Done done = read(journal).previousDone();
                if (done != null && Instant.parse(done.finishedAt()).isBefore(before)) {
                    Files.deleteIfExists(journal);
                    forgotten++;
                }
            }
        }
        if (forgotten > 0) {
            LOG.info("Forgot {} files loaded more than {} ago", forgotten, duplicateWindow);
        }
    }

    /** Reads a journal, up to a line the process died while writing (that batch was not settled). */
    private FileJournal read(Path journal) throws IOException {
        FileJournal.Start start = null;
        FileJournal.Done done = null;
        Map<String, SettledBatch> settled = new HashMap<>();
        if (Files.exists(journal)) {
            try (BufferedReader lines = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
                String text;
                while ((text = lines.readLine()) != null) {
                    FileJournal.Line line;
                    try {
                        line = json.readValue(text, FileJournal.Line.class);
                    } catch (IOException halfWritten) {
                        break;
                    }
                    if (line.start() != null) {
                        start = line.start();
                    } else if (line.batch() != null) {
                        settled.put(line.batch().key(), line.batch());
                    } else if (line.done() != null) {
                        done = line.done();
                    }
                }
            }
        }
        return new FileJournal(journal, json, start, settled, done);
    }

    private static String key(Path file, boolean byName) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
            }
        }
        if (byName) {
            sha256.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
