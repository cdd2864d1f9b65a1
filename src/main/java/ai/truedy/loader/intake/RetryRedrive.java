package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ai.truedy.loader.model.RetryRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the rows waiting in retry/ through the pipeline again: a retry file that has waited
 * {@code loader.redrive.delay} is moved into the inbox, where it is loaded like any other file. In
 * once mode this happens only when the loader starts, so a run never waits for a delay to pass.
 */
public final class RetryRedrive {

    private static final Logger LOG = LoggerFactory.getLogger(RetryRedrive.class);

    private final Path retry;
    private final Path inbox;
    private final Duration delay;
    private final boolean once;
    private final ReadyMarker marker;
    private final WholeFiles whole;

    /** @param whole told of each file moved in: the loader wrote it whole, and reads it without waiting for it to settle */
    public RetryRedrive(Path retry, Path inbox, Duration delay, boolean once, ReadyMarker marker, WholeFiles whole) {
        this.marker = marker;
        this.whole = whole;
        this.retry = retry;
        this.inbox = inbox;
        this.delay = delay;
        this.once = once;
    }

    /** Called by the re-drive route's timer; does nothing in once mode. */
    public void moveDueFiles() throws IOException {
        if (!once) {
            moveDueFilesNow();
        }
    }

    /** Moves every retry file that is due into the inbox; returns how many. */
    public int moveDueFilesNow() throws IOException {
        return moveFilesChangedBefore(Instant.now().minus(delay));
    }

    /** Moves every retry file into the inbox now, due or not ("Re-drive now" on the console); returns how many. */
    public int moveAllNow() throws IOException {
        return moveFilesChangedBefore(Instant.now().plusSeconds(1));
    }

    /** A file waiting in retry/ and when it goes back to the inbox. */
    public record Waiting(Path file, Instant due) {
    }

    /** The files waiting in retry/, the next due first. */
    public List<Waiting> waiting() throws IOException {
        List<Waiting> waiting = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(retry, RetryRedrive::isRetryFile)) {
            for (Path file : files) {
                try {
                    waiting.add(new Waiting(file, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().plus(delay)));
                } catch (NoSuchFileException movedMeanwhile) {
                    // re-driven as we looked
                }
            }
        }
        waiting.sort(Comparator.comparing(Waiting::due));
        return waiting;
    }

    private int moveFilesChangedBefore(Instant dueBefore) throws IOException {
        whole.forgetGone();
        int moved = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(retry, RetryRedrive::isRetryFile)) {
            for (Path file : files) {
                Path target = inbox.resolve(file.getFileName());
                try {
                    if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(dueBefore) || Files.exists(target)) {
                        continue;
                    }
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                    whole.movedIn(target);
                } catch (NoSuchFileException movedMeanwhile) {
                    continue; // another instance on the same folders re-drove it first (or loaded it already)
                }
                marker.place(target);
                LOG.info("Re-driving {} (round {})", file.getFileName(), RetryRound.of(file.getFileName().toString()).round());
                moved++;
            }
        }
        return moved;
    }

    /**
     * A retry file, or a symbolic link named like one: the link is moved as it is (never followed)
     * and the inbox sets it aside in error/, saying it is a link.
     */
    private static boolean isRetryFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".csv")
                && (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file));
    }
}
