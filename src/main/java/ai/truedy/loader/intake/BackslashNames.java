package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ai.truedy.loader.model.FileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file whose name holds a backslash ({@code a\b.csv}, as a Windows tool may write it on a shared
 * folder) cannot be taken as it is: Camel's file component reads the backslash as a path separator,
 * so the file would sit in the inbox for ever, unseen. It is renamed in place, the backslash
 * becoming an underscore ({@code a_b.csv}), and the log says so; it is then loaded under that name.
 */
public final class BackslashNames {

    private static final Logger LOG = LoggerFactory.getLogger(BackslashNames.class);

    private BackslashNames() {
    }

    /** Renames every such file in the inbox and its sub-folders (the depth the inbox is read to). */
    public static int renameIn(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inbox, 2)) {
            files = walk.filter(path -> path.getFileName().toString().indexOf('\\') >= 0)
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path))
                    .toList();
        }
        int renamed = 0;
        for (Path file : files) {
            renamed += rename(file) ? 1 : 0;
        }
        return renamed;
    }

    /** Renames one file; false when it is gone, or no free name was found. */
    public static boolean rename(Path file) {
        String name = file.getFileName().toString();
        FileName parts = FileName.of(name.replace('\\', '_'));
        for (int n = 1; n < 100; n++) {
            Path target = file.resolveSibling(n == 1 ? parts.name() : new FileName(parts.base() + "-" + n, parts.extension()).name());
            try {
                Files.move(file, target); // never over another file
                LOG.warn("Renamed {} to {}: a name with a backslash cannot be taken as it is", file, target.getFileName());
                return true;
            } catch (FileAlreadyExistsException taken) {
                // the next number
            } catch (NoSuchFileException gone) {
                return false;
            } catch (IOException e) {
                LOG.warn("Cannot rename {}, whose name holds a backslash the loader cannot take: {}", file, e.getMessage());
                return false;
            }
        }
        return false;
    }
}
