package ai.truedy.loader.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The console's file ids: opaque to the page, and never a way out of the loader's folders. An id
 * names a folder by its role (inbox, done, error, retry, preview) and a file in it; resolving one
 * refuses anything that is not a plain file inside that folder: {@code ..}, encoded slashes, hidden
 * files and symbolic links.
 */
final class FileIds {

    private final Map<String, Path> folders;

    /** @param folders the loader's folders by role */
    FileIds(Map<String, Path> folders) {
        this.folders = Map.copyOf(folders);
    }

    /** One of the loader's folders, by its role. */
    Path folder(String role) {
        return folders.get(role);
    }

    /** The id of a file in one of the folders, or empty when it is in none of them. */
    Optional<String> idOf(Path file) {
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            Optional<String> relative = relativePath(folder.getValue(), file);
            if (relative.isPresent()) {
                return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (folder.getKey() + ":" + relative.get()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }

    /** A file's path in a folder, with forward slashes ({@code bc_1/list.csv}); empty when it is not in it. */
    static Optional<String> relativePath(Path folder, Path file) {
        Path root = folder.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) && !absolute.equals(root)
                ? Optional.of(root.relativize(absolute).toString().replace('\\', '/')) : Optional.empty();
    }

    /** The role of the folder an id names (inbox, done, error, retry, preview), or null for no id of ours. */
    String folderOf(String id) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 || !folders.containsKey(decoded.substring(0, colon)) ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The plain file an id stands for, inside its folder; empty for anything else. */
    Optional<Path> resolve(String id) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        Path root = colon < 0 ? null : folders.get(decoded.substring(0, colon));
        if (root == null) {
            return Optional.empty();
        }
        return inside(root, decoded.substring(colon + 1));
    }

    /** A file in a folder by its path there: at most one sub-folder, no hidden or special names. */
    static Optional<Path> inside(Path root, String relative) {
        String[] parts = relative.split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isEmpty() || part.startsWith(".") || part.contains("\\") || part.indexOf('\0') >= 0) {
                return Optional.empty();
            }
        }
        try {
            Path folder = root.toAbsolutePath().normalize();
            Path file = folder.resolve(relative).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.isSymbolicLink(file.getParent()) && !file.getParent().equals(folder)
                    || !file.toRealPath().startsWith(folder.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
