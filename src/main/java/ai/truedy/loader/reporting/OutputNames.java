package ai.truedy.loader.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import ai.truedy.loader.model.FileName;
import ai.truedy.loader.model.RetryRound;

/**
 * Gives each input file a stem that no earlier file has used, so that dropping {@code name.csv}
 * twice yields {@code name.report.json} and then {@code name-2.report.json}, and nothing is overwritten.
 */
public final class OutputNames {

    public static final String REPORT = ".report.json";
    public static final String ERROR = ".error.json";
    public static final String REJECTED = ".rejected.csv";
    public static final String WARNINGS = ".warnings.csv";

    private final Path done;
    private final Path error;
    private final Path retry;
    private final Path inbox;
    private final Predicate<String> reserve;

    /** @param reserve takes a name for good, false when it was taken already (the state store) */
    public OutputNames(Path inbox, Path done, Path error, Path retry, Predicate<String> reserve) {
        this.reserve = reserve;
        this.inbox = inbox;
        this.done = done;
        this.error = error;
        this.retry = retry;
    }

    /**
     * Where a preview puts an output of a file: below the preview folder, in the file's inbox
     * sub-folder ({@code ""} for the inbox itself), named from the file's name without its extension.
     */
    public static Path inPreview(Path previewDir, String folder, String stem, String suffix) {
        return (folder.isEmpty() ? previewDir : previewDir.resolve(folder)).resolve(stem + suffix);
    }

    public synchronized String reserve(String baseName, String extension) {
        String stem = baseName;
        for (int n = 2; isTaken(stem, extension) || !reserve.test(stem); n++) {
            stem = baseName + "-" + n;
        }
        return stem;
    }

    /**
     * Where the rows of a file to send again go: {@code retry/<base>.retry-<n+1>.csv}, with the base
     * made unique ({@code <base>-2}) should another lineage already have that name, so the round
     * stays readable from the name.
     */
    public synchronized Path retryFile(RetryRound round) {
        RetryRound candidate = round;
        for (int n = 2; Files.exists(retry.resolve(candidate.nextFileName()))
                || Files.exists(inboxSibling(candidate.nextFileName())) || !reserve.test(candidate.nextFileName()); n++) {
            candidate = new RetryRound(round.base() + "-" + n, round.round());
        }
        return retry.resolve(candidate.nextFileName());
    }

    /**
     * The retry file a journal names, in this instance's retry folder: instances that share the
     * folders may mount them at different paths, and a file one of them started another may finish.
     */
    public Path inRetry(String journaledPath) {
        return retry.resolve(Path.of(journaledPath).getFileName().toString());
    }

    /** A retry file may also be on its way through the inbox; its name is not free either. */
    private Path inboxSibling(String name) {
        return inbox == null ? retry.resolve(name) : inbox.resolve(name);
    }

    private boolean isTaken(String stem, String extension) {
        String original = new FileName(stem, extension).name();
        List<Path> outputs = List.of(
                done.resolve(original), done.resolve(stem + REPORT),
                error.resolve(original), error.resolve(stem + ERROR),
                error.resolve(stem + REJECTED), error.resolve(stem + WARNINGS));
        return outputs.stream().anyMatch(Files::exists);
    }
}
