package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import ai.truedy.loader.model.AtomicFiles;
import ai.truedy.loader.model.RegularFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (RegularFile.refusal(file, file.getParent()) != null) {
            return false; // a link is set aside when taken, approved or not
        }
        Path marker = markerOf(file);
        if (Files.exists(marker)) {
            return false;
        }
        AtomicFiles.write(marker, JSON.writeValueAsBytes(Map.of("approved_by", by, "approved_at", Instant.now().toString())));
        return true;
    }

    /** Who approved a file and when, as its report says it. */
    public record Approval(String by, String at) {
    }

    /**
     * The file's approval, read from its marker before the marker goes with the file: who and when
     * as the console wrote them; for a marker a person made, the marker and when it was made.
     */
    public static Optional<Approval> of(Path file) {
        Path marker = markerOf(file);
        if (!RegularFile.readable(marker, file.getParent())) {
            return Optional.empty();
        }
        try {
            JsonNode written = written(marker);
            String who = written.path("approved_by").asText("");
            String when = written.path("approved_at").asText("");
            return Optional.of(new Approval(who.isEmpty() ? "a " + marker.getFileName() + " marker" : clipped(who),
                    isInstant(when) ? when : Files.getLastModifiedTime(marker).toInstant().toString()));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** What the console wrote in a marker; nothing for one a person made (its content does not matter). */
    private static JsonNode written(Path marker) throws IOException {
        try {
            JsonNode node = JSON.readTree(Files.readString(marker));
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException notOne) {
            return false;
        }
    }

    private static String clipped(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** The file was archived or set aside: its approval goes with it. */
    public static void remove(Path file) throws IOException {
        Files.deleteIfExists(markerOf(file));
    }
}
