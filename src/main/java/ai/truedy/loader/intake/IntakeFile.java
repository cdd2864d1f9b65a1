package ai.truedy.loader.intake;

import java.nio.file.Path;
import java.time.Instant;

import ai.truedy.loader.model.FileName;

/**
 * A file taken from the inbox.
 *
 * @param path              where it lies in the inbox
 * @param relativePath      its path below the inbox, as ops see it
 * @param stem              the unique name its outputs share: {@code stem.report.json}, {@code stem.rejected.csv}, ...
 * @param extension         its extension, kept when the original is archived
 * @param folderBatchCallId the inbox sub-folder's name, which is the batch call id for its rows; empty at top level
 */
public record IntakeFile(Path path, String relativePath, String stem, String extension, String folderBatchCallId,
                         Instant startedAt) {

    /** The same file with the stem an earlier, interrupted load of it used. */
    public IntakeFile withStem(String earlierStem) {
        return new IntakeFile(path, relativePath, earlierStem, extension, folderBatchCallId, startedAt);
    }

    /** The original's file name once archived, unique like the stem. */
    public String archiveName() {
        return new FileName(stem, extension).name();
    }
}
