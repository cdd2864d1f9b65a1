package ai.truedy.loader.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
 * ({@link BackslashNames}), except by a preview, which changes nothing. Nor a file or folder whose
 * name this JVM cannot read from the disk (a non-ASCII name, without a UTF-8 locale): said once, it
 * stays where it is, and the other files load.
 */
final class ListableFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ListableFiles.class);

    private final boolean renameBackslashes;
    private final Set<Path> linkedFoldersSeen = ConcurrentHashMap.newKeySet();
    private final Set<String> unreadableNames = ConcurrentHashMap.newKeySet();

    ListableFiles(boolean renameBackslashes) {
        this.renameBackslashes = renameBackslashes;
    }

    /** A folder to look into, or a file to consider for a turn. */
    boolean listable(GenericFile<File> file) {
        Path path = pathOf(file.getAbsoluteFilePath());
        if (path == null) {
            return false;
        }
        if (file.isDirectory()) {
            return !linkedFolder(path);
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

    /** The names seen that this JVM cannot read: those files are left where they are. */
    int unreadable() {
        return unreadableNames.size();
    }

    /** The entry's path; null, said once, when its name cannot be a path in this JVM's file-name encoding. */
    private Path pathOf(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            if (unreadableNames.add(name)) {
                LOG.warn("Not taking {}: its name has characters this loader cannot read from the disk (it reads file"
                        + " names as {}, from its locale). It stays where it is, and a --once run ends with exit code 3;"
                        + " start the loader with a UTF-8 locale (LANG=C.UTF-8) to load it", name,
                        System.getProperty("sun.jnu.encoding"));
            }
            return null;
        }
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
