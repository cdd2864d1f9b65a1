package ai.truedy.loader.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.truedy.loader.model.LogSafe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files loaded lately, from their reports in done/ ({@code name.report.json}) and error/
 * ({@code name.error.json}): counts, and ids for the downloads. Only counts, names and reasons: a
 * phone number never reaches the page.
 */
final class RecentFiles {

    static final int SHOWN = 100;
    /** The downloads a report can name, by the key of its {@code outputs}. */
    static final List<String> DOWNLOADS = List.of("report", "rejected", "retry", "warnings");

    private final Path done;
    private final Path error;
    private final FileIds ids;
    private final ObjectMapper json;

    RecentFiles(Path done, Path error, FileIds ids, ObjectMapper json) {
        this.done = done;
        this.error = error;
        this.ids = ids;
        this.json = json;
    }

    /** The last {@value #SHOWN} outcomes, newest first. */
    List<Map<String, Object>> latest() throws IOException {
        List<Path> reports = new ArrayList<>();
        collect(done, "*.report.json", reports);
        collect(error, "*.error.json", reports);
        List<Map<String, Object>> latest = new ArrayList<>();
        reports.stream().sorted(Comparator.comparing(RecentFiles::changed).reversed()).limit(SHOWN)
                .forEach(report -> read(report).ifPresent(latest::add));
        return latest;
    }

    /** Whether a file is a report of done/ or error/ (the downloads are found from one). */
    static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".report.json") || name.endsWith(".error.json");
    }

    /** Where one of a report's outputs is, if it is still in the loader's folders. */
    Optional<Path> output(Path report, String which) {
        if ("report".equals(which)) {
            return Optional.of(report);
        }
        try {
            return output(json.readTree(report.toFile()), which);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The same, from the report as read. */
    private Optional<Path> output(JsonNode report, String which) {
        String path = report.path("outputs").path(which).asText("");
        try {
            return path.isEmpty() ? Optional.empty() : ids.idOf(Path.of(path)).flatMap(ids::resolve);
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private Optional<Map<String, Object>> read(Path report) {
        try {
            JsonNode node = json.readTree(report.toFile());
            boolean failed = report.getFileName().toString().endsWith(".error.json");
            Map<String, Object> file = new LinkedHashMap<>();
            String id = ids.idOf(report).orElseThrow();
            file.put("id", id);
            file.put("file", node.path("file").asText());
            file.put("outcome", failed ? "failed" : outcome(node));
            file.put("finished_at", node.path(failed ? "failed_at" : "finished_at").asText(null));
            for (String count : List.of("rows", "accepted", "rejected", "pending_retry")) {
                file.put(count, node.path(failed && count.equals("rows") ? "rows_read" : count).asLong());
            }
            file.put("reasons", failed ? Map.of() : json.convertValue(node.path("reasons"), Map.class));
            file.put("error", failed ? LogSafe.mask(node.path("error").asText()) : null); // as older loaders wrote it
            file.put("approved_by", node.path("approved_by").asText(null));
            file.put("approved_at", node.path("approved_at").asText(null));
            Map<String, String> downloads = new LinkedHashMap<>();
            for (String which : DOWNLOADS) {
                if ("report".equals(which) || output(node, which).isPresent()) {
                    downloads.put(which, "api/files/" + id + "/" + which);
                }
            }
            file.put("downloads", downloads);
            return Optional.of(file);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // being written, or not ours
        }
    }

    private static String outcome(JsonNode report) {
        if (!report.path("duplicate_of").isNull() && !report.path("duplicate_of").isMissingNode()) {
            return "duplicate";
        }
        if (report.path("pending_retry").asLong() > 0) {
            return "waiting_in_retry";
        }
        return report.path("rejected").asLong() > 0 ? "done_with_rejections" : "done";
    }

    private static void collect(Path folder, String glob, List<Path> into) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            files.forEach(into::add);
        }
    }

    private static FileTime changed(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }
}
