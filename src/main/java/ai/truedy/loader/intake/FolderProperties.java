package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.model.RegularFile;
import java.util.Properties;

/** The lines of an inbox folder's settings file ({@code .loader.properties}), read as UTF-8. */
public final class FolderProperties {

    public static final String FILE = ".loader.properties";

    private FolderProperties() {
    }

    /** The settings of these files, those that exist; a later file's lines win over an earlier one's. */
    public static Properties read(Path... files) throws IOException {
        Properties lines = new Properties();
        for (Path file : files) {
            String notRegular = RegularFile.refusal(file, file.getParent());
            if (notRegular != null) {
                throw new IOException(file.getFileName() + " is " + notRegular);
            }
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    lines.load(in);
                }
            }
        }
        return lines;
    }
}
