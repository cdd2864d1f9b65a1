package ai.truedy.loader.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What arrives in the loader's folders is read only when it is a regular file inside its folder:
 * not a symbolic link (followed, it could make the loader read and show any file its user can read),
 * and not a path that resolves outside the folder (through a linked sub-folder). Asked without
 * following anything; nothing of a refused file's target is read.
 */
public final class RegularFile {

    private RegularFile() {
    }

    /** Why the file may not be read, or null when it may. */
    public static String refusal(Path file, Path folder) {
        if (Files.isSymbolicLink(file)) {
            return "a symbolic link: the loader reads only regular files, and does not follow links";
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "not a regular file: the loader reads only regular files"
                    : null; // gone meanwhile: whoever reads it finds out
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                return "it resolves outside its folder (through a linked folder): the loader reads only files inside it";
            }
        } catch (IOException gone) {
            return null;
        }
        return null;
    }

    /** Whether the file may be read: {@link #refusal} has nothing against it. */
    public static boolean readable(Path file, Path folder) {
        return refusal(file, folder) == null && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }
}
