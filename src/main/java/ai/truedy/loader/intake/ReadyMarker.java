package ai.truedy.loader.intake;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** @param pattern the {@code loader.ready-marker} setting; empty for none */
    public ReadyMarker(String pattern) {
        this.pattern = pattern;
    }

    /** The marker's name for a file: {@code ${file:name}} and {@code ${file:name.noext}} are filled in. */
    public String nameFor(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return pattern.replace("${file:name.noext}", base).replace("${file:name}", fileName);
    }

    /** Whether the inbox consumer may take a file: there is no marker to wait for, or it is there. */
    @Override
    public boolean accept(GenericFile<File> file) {
        return pattern.isEmpty() || file.isDirectory()
                || Files.exists(Path.of(file.getAbsoluteFilePath()).resolveSibling(nameFor(file.getFileNameOnly())));
    }

    /** The file was archived: its marker goes with it. */
    public void remove(Path file) throws IOException {
        if (!pattern.isEmpty()) {
            Files.deleteIfExists(file.resolveSibling(nameFor(file.getFileName().toString())));
        }
    }

    /** Creates the marker for a file the loader moved into the inbox itself. */
    public void place(Path file) throws IOException {
        if (!pattern.isEmpty()) {
            Path marker = file.resolveSibling(nameFor(file.getFileName().toString()));
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        }
    }
}
