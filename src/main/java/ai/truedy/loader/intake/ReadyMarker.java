package ai.truedy.loader.intake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ai.truedy.loader.model.FileName;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * {@code loader.ready-marker}: a file is read only once a marker beside it says it is complete, as
 * with Camel's {@code doneFileName} (the pattern names it from the file: {@code ${file:name}.ready}).
 * It is the inbox consumer's filter, since {@code doneFileName} cannot be left empty; the marker is
 * removed when its file is archived. Files the loader itself moves into the inbox (retry rounds,
 * originals that grew) get one too.
 */
public final class ReadyMarker implements GenericFileFilter<File> {

    private final String pattern;
    private final Approvals approvals;
    private final boolean waitingOnly;

    /** @param pattern the {@code loader.ready-marker} setting; empty for none */
    public ReadyMarker(String pattern) {
        this(pattern, new Approvals("none"), false);
    }

    /**
     * @param approvals   {@code loader.approval}: a file that must be approved is taken once it is
     * @param waitingOnly take only the files that wait for approval (to preview them), instead of the others
     */
    public ReadyMarker(String pattern, Approvals approvals, boolean waitingOnly) {
        this.pattern = pattern;
        this.approvals = approvals;
        this.waitingOnly = waitingOnly;
    }

    /** The marker's name for a file: {@code ${file:name}} and {@code ${file:name.noext}} are filled in. */
    public String nameFor(String fileName) {
        return pattern.replace("${file:name.noext}", FileName.of(fileName).base()).replace("${file:name}", fileName);
    }

    /** Whether the inbox consumer may take a file: there is no marker to wait for, or it is there. */
    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return true;
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        boolean ready = pattern.isEmpty() || Files.exists(path.resolveSibling(nameFor(file.getFileNameOnly())));
        return ready && approvals.waiting(path) == waitingOnly;
    }

    /** The marker that says a file is complete, beside it; empty when no marker is awaited. */
    public Optional<Path> markerOf(Path file) {
        return pattern.isEmpty() ? Optional.empty() : Optional.of(file.resolveSibling(nameFor(file.getFileName().toString())));
    }

    /** The file was archived: its marker goes with it. */
    public void remove(Path file) throws IOException {
        Approvals.remove(file);
        Optional<Path> marker = markerOf(file);
        if (marker.isPresent()) {
            Files.deleteIfExists(marker.get());
        }
    }

    /** Creates the marker for a file the loader moved into the inbox itself. */
    public void place(Path file) throws IOException {
        if (approvals.requiredFor(file)) { // a file the loader moves back in was approved before
            Approvals.approve(file, "the loader (approved before)");
        }
        Optional<Path> marker = markerOf(file);
        if (marker.isPresent() && !Files.exists(marker.get())) {
            Files.createFile(marker.get());
        }
    }
}
