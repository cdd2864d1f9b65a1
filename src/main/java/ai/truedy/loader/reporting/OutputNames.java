package ai.truedy.loader.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives each input file a stem that no earlier file has used, so that dropping {@code name.csv}
 * twice yields {@code name.report.json} and then {@code name-2.report.json}, and nothing is overwritten.
 */
public final class OutputNames {

    private final Path done;
    private final Path error;
    private final Path retry;
    private final Set<String> taken = new HashSet<>();

    public OutputNames(Path done, Path error, Path retry) {
        this.done = done;
        this.error = error;
        this.retry = retry;
    }

    public synchronized String reserve(String baseName, String extension) {
        String stem = baseName;
        for (int n = 2; isTaken(stem, extension); n++) {
            stem = baseName + "-" + n;
        }
        taken.add(stem);
        return stem;
    }

    private boolean isTaken(String stem, String extension) {
        if (taken.contains(stem)) {
            return true;
        }
        String original = extension.isEmpty() ? stem : stem + "." + extension;
        List<Path> outputs = List.of(
                done.resolve(original), done.resolve(stem + FileReports.REPORT),
                error.resolve(original), error.resolve(stem + FileReports.ERROR),
                error.resolve(stem + FileReports.REJECTED), error.resolve(stem + FileReports.WARNINGS),
                retry.resolve(stem + FileReports.RETRY));
        return outputs.stream().anyMatch(Files::exists);
    }
}
