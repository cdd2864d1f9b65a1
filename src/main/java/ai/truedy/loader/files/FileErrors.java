package ai.truedy.loader.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.reporting.FileError;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.reporting.FileReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code name.error.json} says of a file that could not be loaded, or not to its end. */
final class FileErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FileReports.class);
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(5);

    private FileErrors() {
    }

    /**
     * @param load the file's load, or null when it could not be opened: then nothing was sent. Else
     *             the batches already handed to senders are settled first (not longer than
     *             {@link #SETTLE_AT_MOST}, should a failure have lost one), and the rows settled keep
     *             their outcome: their rejected and retry files are written.
     */
    static FileError record(FileLoad load, IntakeFile file, String reason, Path original) throws IOException {
        if (load == null) {
            return of(file, reason, original, null);
        }
        awaitSent(load);
        load.close();
        return of(file, reason, original, load.ledger());
    }

    /**
     * What the error file says, with the rows counted so far when there is a ledger (which this
     * closes, writing the rejected and retry files of the rows settled); with none, nothing was sent.
     */
    static FileError of(IntakeFile file, String reason, Path original, FileLedger ledger) throws IOException {
        if (ledger == null) {
            return new FileError(file.relativePath(), reason, Instant.now().toString(), 0, 0, 0, 0,
                    new FileReport.Outputs(original.toString(), null, null, null, null));
        }
        FileReport partial = ledger.close(Instant.now(), original.toString(), null);
        return new FileError(file.relativePath(), reason, partial.finishedAt(), partial.rows(),
                partial.accepted(), partial.rejected(), partial.pendingRetry(), partial.outputs());
    }

    private static void awaitSent(FileLoad load) throws IOException {
        try {
            if (!load.inFlight().awaitAllSettled(SETTLE_AT_MOST)) {
                LOG.error("{}: batches handed to the senders were not settled within {}; the error file counts"
                        + " only those that were", load.file().relativePath(), SETTLE_AT_MOST);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the batches in flight were settled");
        }
    }
}
