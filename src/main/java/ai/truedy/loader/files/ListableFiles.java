package ai.truedy.loader.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ai.truedy.loader.intake.BackslashNames;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the inbox's listing may hold at all, before any turn: not the files of a sub-folder that is
 * a symbolic link (they live elsewhere; said once in the log), and not a file whose name holds a
 * backslash, which Camel reads as a separator: it is renamed to be taken at the next poll
 * ({@link BackslashNames}), except by a preview, which changes nothing.
 */
final class ListableFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ListableFiles.class);

    private final boolean renameBackslashes;
    private final Set<Path> linkedFoldersSeen = ConcurrentHashMap.newKeySet();

    ListableFiles(boolean renameBackslashes) {
        this.renameBackslashes = renameBackslashes;
    }

    /** A folder to look into, or a file to consider for a turn. */
    boolean listable(GenericFile<File> file) {
        if (file.isDirectory()) {
            return !linkedFolder(Path.of(file.getAbsoluteFilePath()));
        }
        File real = file.getFile();
        if (real != null && real.getName().indexOf('\\') >= 0) {
            if (renameBackslashes) {
                BackslashNames.rename(real.toPath()); // taken at the next poll
            }
            return false;
        }
        return true;
    }

    private boolean linkedFolder(Path folder) {
        if (!Files.isSymbolicLink(folder)) {
            return false;
        }
        if (linkedFoldersSeen.add(folder)) {
            LOG.warn("Not looking into {}: a symbolic link. The loader reads only regular files inside the inbox; move"
                    + " the folder itself there", folder);
        }
        return true;
    }
}
