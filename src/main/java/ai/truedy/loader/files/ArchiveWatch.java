package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.truedy.loader.intake.ReadContent;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.model.AtomicFiles;
import ai.truedy.loader.model.FileDigests;
import ai.truedy.loader.reporting.FileError;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.Notifications;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.state.FileJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settle watch: for {@code loader.settle-watch} after a file was archived in done/, looks at
 * its original. No read lock can tell a stalled copy from a finished one, and a writer that goes on
 * after the loader took the file writes into the moved original. One that grew goes back through
 * the inbox (its journal says so), where only the rows past what was settled are sent and its
 * report is rewritten to cover the whole file. One that shrank or whose first bytes changed was
 * rewritten: it goes to error/ with {@code name.error.json}, and its report keeps what was sent.
 */
public final class ArchiveWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWatch.class);

    private record Watched(FileJournal journal, Path archived, long size, String headSha256, Instant until,
                           FileTime modified) {
        Watched modifiedAt(FileTime time) {
            return new Watched(journal, archived, size, headSha256, until, time);
        }
    }

    private final Path inbox;
    private final Path error;
    private final Duration window;
    private final ReadyMarker marker;
    private final ObjectMapper json;
    private final Notifications notifications;
    private final Map<Path, Watched> watched = new ConcurrentHashMap<>();

    /**
     * @param window        {@code loader.settle-watch}; zero (and once mode) watches nothing
     * @param notifications told of each original set aside in error/
     */
    public ArchiveWatch(Path inbox, Path error, Duration window, ReadyMarker marker, ObjectMapper json,
                        Notifications notifications) {
        this.notifications = notifications;
        this.inbox = inbox;
        this.error = error;
        this.window = window;
        this.marker = marker;
        this.json = json;
    }

    /** A file was archived (its journal is done): watch its original until the window is over. */
    public void archived(FileJournal journal) {
        FileJournal.Done done = journal.previousDone();
        if (window.isZero() || done == null || done.archived() == null || done.size() == null) {
            return;
        }
        Path archived = Path.of(done.archived());
        // the original is moved to done/ when the exchange completes, after this: its time is taken on the first check
        watched.put(archived, new Watched(journal, archived, done.size(), done.headSha256(),
                Instant.parse(done.finishedAt()).plus(window), null));
    }

    /** Called by the watch route's timer: acts on every watched original that changed. */
    public void check() throws IOException {
        Instant now = Instant.now();
        for (Watched file : watched.values()) {
            if (now.isAfter(file.until())) {
                watched.remove(file.archived());
            } else if (Files.exists(file.archived())) {
                look(file);
            }
        }
    }

    private void look(Watched file) throws IOException {
        long size = Files.size(file.archived());
        FileTime modified = Files.getLastModifiedTime(file.archived());
        if (size == file.size() && modified.equals(file.modified())) {
            return;
        }
        if (size < file.size()) {
            refuse(file, "it shrank from " + file.size() + " to " + size + " bytes after it was archived: it was rewritten");
            return;
        }
        String head = FileDigests.hex(FileDigests.ofPrefix(file.archived(), Math.min(ReadContent.HEAD, file.size()))
                .digest());
        if (!head.equals(file.headSha256())) {
            refuse(file, "it was rewritten after it was archived: its first bytes changed");
            return;
        }
        if (size == file.size()) {
            watched.put(file.archived(), file.modifiedAt(modified));
            return;
        }
        String relative = file.journal().previousStart().file();
        Path target = inbox.resolve(relative);
        if (Files.exists(target)) {
            return; // another file of that name is in the inbox: the next check tries again
        }
        file.journal().regrown(size);
        Files.createDirectories(target.getParent());
        Files.move(file.archived(), target, StandardCopyOption.ATOMIC_MOVE);
        marker.place(target);
        watched.remove(file.archived());
        LOG.warn("{} grew after it was archived, from {} to {} bytes (its copy stalled for longer than"
                        + " loader.settle-time): loading the rows past its recorded end; {} is rewritten to cover the"
                        + " whole file", relative, file.size(), size, file.journal().previousDone().report());
    }

    /** The original goes to error/ beside an error file that says why; its report in done/ keeps what was sent. */
    private void refuse(Watched file, String why) throws IOException {
        watched.remove(file.archived());
        FileJournal.Done done = file.journal().previousDone();
        String stem = file.journal().previousStart().stem();
        Path original = error.resolve(file.archived().getFileName());
        JsonNode report = json.readTree(Path.of(done.report()).toFile());
        FileError record = new FileError(file.journal().previousStart().file(),
                "the file changed after it was loaded: " + why + "; what was sent before is in " + done.report(),
                Instant.now().toString(), report.path("rows").asLong(), report.path("accepted").asLong(),
                report.path("rejected").asLong(), report.path("pending_retry").asLong(),
                new FileReport.Outputs(original.toString(), done.report(), report.path("outputs").path("rejected").textValue(),
                        report.path("outputs").path("retry").textValue(), report.path("outputs").path("warnings").textValue()));
        Path errorFile = error.resolve(stem + OutputNames.ERROR);
        AtomicFiles.write(errorFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        Files.move(file.archived(), original, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("{} changed after it was loaded ({}) -> {}", file.journal().previousStart().file(), why, original);
        notifications.failed(record.file(), record.error(), errorFile.toString());
    }
}
