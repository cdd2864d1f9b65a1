package ai.truedy.loader.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.model.RetryRound;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.reporting.PreviewSummary;
import ai.truedy.loader.state.FileJournal;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A preview's outcomes ({@code --preview}): what a load would do is written under {@code
 * loader.preview-dir}, in the file's inbox sub-folder, named as the file is: {@code
 * name.report.json} with {@code "preview": true}, {@code name.rejected.csv}, {@code
 * name.warnings.csv}, {@code name.retry.csv} while sending is held, or {@code name.error.json}; a
 * preview of the same file again replaces them. The original stays where it is and nobody is told
 * but the reader: with {@code --once}, a short summary of each file is printed.
 */
public final class PreviewOutcomes implements FileOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewOutcomes.class);

    private final Path previewDir;
    private final int requestsPerMinute;
    private final LoaderRun run;
    private final PrintStream summaries;

    /**
     * @param requestsPerMinute {@code truedy.rate-limit.requests-per-minute}, for the time a load would take
     * @param summaries         where each file's summary is printed (standard output with {@code --once}); null: logged
     */
    public PreviewOutcomes(Path previewDir, int requestsPerMinute, LoaderRun run, PrintStream summaries) {
        this.previewDir = previewDir;
        this.requestsPerMinute = requestsPerMinute;
        this.run = run;
        this.summaries = summaries;
    }

    @Override
    public String verb() {
        return "preview";
    }

    @Override
    public String stem(String base, String extension) {
        return base;
    }

    @Override
    public Path retryFile(IntakeFile file, RetryRound round) {
        return output(file, ".retry.csv");
    }

    @Override
    public Path retryFileOfEarlierLoad(String journaled) {
        throw new IllegalStateException("a preview never goes on with an earlier load");
    }

    @Override
    public Path rejectedFile(IntakeFile file) {
        return output(file, OutputNames.REJECTED);
    }

    @Override
    public Path warningsFile(IntakeFile file) {
        return output(file, OutputNames.WARNINGS);
    }

    @Override
    public Path reportFile(IntakeFile file) {
        return output(file, OutputNames.REPORT);
    }

    @Override
    public Path errorFile(IntakeFile file) throws IOException {
        return Files.createDirectories(output(file, "").getParent()).resolve(file.stem() + OutputNames.ERROR);
    }

    /** The original stays in the inbox. */
    @Override
    public Path original(IntakeFile file, boolean loaded) {
        return file.path();
    }

    @Override
    public PreviewSummary summary() {
        return new PreviewSummary();
    }

    @Override
    public FileReport asWritten(FileReport report) {
        return report.asPreview();
    }

    @Override
    public void finished(TakenFile taken, FileLoad load, FileReport report, JsonNode countedBefore) {
        run.fileLoaded(report);
        print(load.summary().text(report, requestsPerMinute));
    }

    @Override
    public void skipped(TakenFile taken, FileJournal earlier, FileReport report) {
        run.fileLoaded(report);
        print("Preview of " + taken.file().relativePath() + " (nothing sent): a load would skip it, as the same content"
                + " was loaded as " + earlier.previousStart().file() + " at " + earlier.previousDone().finishedAt()
                + " (loader.duplicate-file-window)\n  report: " + report.outputs().report());
    }

    @Override
    public void failed(TakenFile taken, String reason, Path errorFile) {
        run.fileFailed();
    }

    /** Where an output of the file goes: below the preview folder, in the file's inbox sub-folder. */
    private Path output(IntakeFile file, String suffix) {
        return OutputNames.inPreview(previewDir, file.folderBatchCallId(), file.stem(), suffix);
    }

    private void print(String summary) {
        if (summaries != null) {
            synchronized (summaries) { // files are previewed side by side: a summary is printed whole
                summaries.println(summary);
                summaries.flush();
            }
        } else {
            LOG.info("{}", summary);
        }
    }
}
