package ai.truedy.loader.files;

import java.io.IOException;
import java.nio.file.Path;

import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.PreviewSummary;
import ai.truedy.loader.state.FileJournal;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What differs between loading a file and previewing it ({@code --preview}), behind the one
 * pipeline both run: where the file's outputs go, what becomes of its original, and who is told.
 * {@link LoadOutcomes}: done/, error/ and retry/, the original moved, the journal, the metrics and
 * the notifications. {@link PreviewOutcomes}: the preview folder, nothing moved, a summary printed.
 */
public interface FileOutcomes {

    /** What is done with a file, for the log: "load", "preview". */
    String verb();

    /** The stem of a file's outputs, from its base name and extension. */
    String stem(String base, String extension);

    /** Where the rows of a file to send again go. */
    Path retryFile(IntakeFile file, RetryRound round);

    /** The retry file an interrupted load of the file named in its journal, here. */
    Path retryFileOfEarlierLoad(String journaled);

    Path rejectedFile(IntakeFile file);

    Path warningsFile(IntakeFile file);

    Path reportFile(IntakeFile file);

    /** Where a file that cannot be loaded is told about; its folder is made. */
    Path errorFile(IntakeFile file) throws IOException;

    /** Where the original goes: once every row is accounted for ({@code loaded}), or when it cannot be loaded. */
    Path original(IntakeFile file, boolean loaded);

    /** A summary of the file told of each batch (a preview's), or null. */
    PreviewSummary summary();

    /** The report as it is written. */
    FileReport asWritten(FileReport report);

    /**
     * The file's report is written: its journal completed, its original moved, the ones who watch
     * told, the run counted.
     *
     * @param countedBefore the report written before, for a file read again after it grew (its rows were counted then)
     */
    void finished(TakenFile taken, FileLoad load, FileReport report, JsonNode countedBefore) throws IOException;

    /** The same content was loaded lately: nothing is sent, and the report saying so is written. */
    void skipped(TakenFile taken, FileJournal earlier, FileReport report) throws IOException;

    /** The file cannot be loaded, and its error file is written. */
    void failed(TakenFile taken, String reason, Path errorFile) throws IOException;
}
