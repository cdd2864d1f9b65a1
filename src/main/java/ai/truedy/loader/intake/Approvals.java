package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code loader.approval = required}: a file is loaded only once a person approved it, on the
 * console or with a {@code name.approved} marker beside it (a folder's {@code .loader.properties}
 * may require it for its files alone). Until then it waits in the inbox, neither claimed nor sent,
 * and a preview says what a load would do. The marker is a file, so a waiting file survives
 * restarts and, on a shared inbox, is approved once for every instance.
 */
public final class Approvals {

    /** The setting, in application.properties and in a folder's .loader.properties. */
    public static final String SETTING = "loader.approval";
    public static final String SUFFIX = ".approved";

    private final boolean required;

    /** @param setting {@code loader.approval}: {@code none} or {@code required} */
    public Approvals(String setting) {
        this.required = "required".equals(setting);
    }

    /** Whether a file must be approved before it is loaded: its folder's setting, else the loader's. */
    public boolean requiredFor(Path file) {
        String folder;
        try {
            folder = FolderProperties.read(file.resolveSibling(FolderProperties.FILE)).getProperty(SETTING);
        } catch (IOException | IllegalArgumentException unreadable) {
            return true; // the folder's settings refuse the file when it is taken; until then, hold it
        }
        // a value other than none or required: the file is taken, and its folder's settings refuse it saying why
        return folder == null ? required : "required".equals(folder.strip().toLowerCase(Locale.ROOT));
    }

    public static Path markerOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** Whether the file waits for a person: approval is required and it has no marker yet. */
    public boolean waiting(Path file) {
        return requiredFor(file) && !Files.exists(markerOf(file));
    }

    /** Approves a file: its marker says by whom and when. False when it was approved already. */
    public static boolean approve(Path file, String by) throws IOException {
        Path marker = markerOf(file);
        if (Files.exists(marker)) {
            return false;
        }
        String text = "{\"approved_by\": \"" + by.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"approved_at\": \""
                + Instant.now() + "\"}\n";
        Path temporary = marker.resolveSibling("." + marker.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** The file was archived or set aside: its approval goes with it. */
    public static void remove(Path file) throws IOException {
        Files.deleteIfExists(markerOf(file));
    }
}
