package ai.truedy.loader.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import ai.truedy.loader.model.AtomicFiles;
import ai.truedy.loader.model.FileDigests;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sent memory of one instance, under {@code loader.state/sent/}: a file per file load and
 * batch call ({@code <sha256 of batch call and stem>.sent}), a JSON line saying which, then the
 * numbers, sorted, each as its difference from the one before in 7-bit groups (about three bytes). Each is written under a temporary name, forced to disk and
 * renamed, so a kill -9 leaves either the whole file or none. Loaded at start; generations older
 * than {@code loader.sent-memory} are dropped then and whenever a new one is kept.
 */
public final class LocalSentMemory implements SentMemory {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSentMemory.class);
    private static final String SENT = "sent";

    private record Header(String batchCallId, String stem, String file, String finishedAt, long numbers) {
    }

    private final Path folder;
    private final Duration memory;
    private final boolean readOnly;
    private final ObjectMapper json;
    private final SentNumbers numbers = new SentNumbers();

    /**
     * @param memory   {@code loader.sent-memory}: how long a number is remembered
     * @param readOnly true for a preview, which writes and deletes nothing
     */
    public LocalSentMemory(Path stateFolder, Duration memory, boolean readOnly, ObjectMapper json) throws IOException {
        this.folder = stateFolder.resolve(SENT);
        this.memory = memory;
        this.readOnly = readOnly;
        this.json = json;
        if (!readOnly) {
            Files.createDirectories(folder);
        }
        load();
    }

    @Override
    public String sentBefore(String batchCallId, String e164, String exceptStem, Instant notBefore) {
        SentNumbers.Generation found = numbers.find(batchCallId, SentNumbers.digits(e164), exceptStem, notBefore);
        return found == null ? null : SentMemory.inWords(found);
    }

    @Override
    public void remember(String stem, String file, Instant finishedAt, Map<String, long[]> accepted) {
        if (readOnly) {
            return;
        }
        for (Map.Entry<String, long[]> batchCall : accepted.entrySet()) {
            SentNumbers.Generation generation = new SentNumbers.Generation(batchCall.getKey(), stem, file, finishedAt,
                    batchCall.getValue().length);
            try {
                write(generation, batchCall.getValue());
                keep(generation, batchCall.getValue());
            } catch (IOException e) {
                LOG.warn("Cannot remember the {} numbers {} had accepted for {} ({}); they are sent again next time",
                        batchCall.getValue().length, file, batchCall.getKey(), e.toString());
            }
        }
        forgetOld();
    }

    /** Numbers remembered, over all batch calls. */
    public long size() {
        return numbers.size();
    }

    private void load() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.sent")) {
            for (Path path : files) {
                try (InputStream in = Files.newInputStream(path)) {
                    Header header = json.readValue(headerLine(in), Header.class);
                    long[] kept = NumberDeltas.decode(new java.io.BufferedInputStream(in), Math.toIntExact(header.numbers()));
                    keep(new SentNumbers.Generation(header.batchCallId(), header.stem(), header.file(),
                            Instant.parse(header.finishedAt()), kept.length), kept);
                } catch (IOException | RuntimeException unreadable) {
                    LOG.warn("Cannot read {} of the sent memory ({}); its numbers are sent again", path.getFileName(),
                            unreadable.toString());
                }
            }
        }
        forgetOld();
        LOG.info("Sent memory: {} numbers accepted within {} (loader.sent-memory)", numbers.size(), memory);
    }

    private void forgetOld() {
        for (SentNumbers.Generation old : numbers.dropFinishedBefore(Instant.now().minus(memory))) {
            if (!readOnly) {
                try {
                    Files.deleteIfExists(pathOf(old.batchCallId(), old.stem()));
                } catch (IOException e) {
                    LOG.warn("Cannot delete {} of the sent memory: {}", pathOf(old.batchCallId(), old.stem()), e.toString());
                }
            }
        }
    }

    private void keep(SentNumbers.Generation generation, long[] sorted) {
        if (!numbers.add(generation, sorted)) {
            LOG.warn("Cannot remember the numbers {} had accepted for {}: {} file loads are remembered for it already;"
                    + " they are sent again next time", generation.file(), generation.batchCallId(), SentNumbers.MAX_LOADS);
        }
    }

    private void write(SentNumbers.Generation generation, long[] sorted) throws IOException {
        byte[] header = json.writeValueAsBytes(new Header(generation.batchCallId(), generation.stem(), generation.file(),
                generation.finishedAt().toString(), sorted.length));
        AtomicFiles.write(pathOf(generation.batchCallId(), generation.stem()), out -> {
            out.write(header);
            out.write('\n');
            out.write(NumberDeltas.encode(sorted));
        });
    }

    private Path pathOf(String batchCallId, String stem) {
        java.security.MessageDigest sha256 = FileDigests.sha256();
        sha256.update((batchCallId + "\n" + stem).getBytes(StandardCharsets.UTF_8));
        return folder.resolve(FileDigests.hex(sha256.digest()) + ".sent");
    }

    private static byte[] headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("no header line");
            }
            line.write(b);
        }
        return line.toByteArray();
    }
}
