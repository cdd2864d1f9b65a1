package ai.truedy.loader.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.model.FileName;
import ai.truedy.loader.reporting.OutputNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files in the inbox that wait for a person's approval, each with what its preview found
 * (rows, accepted, reasons, requests, time at the budget, time zones), once the preview is written.
 */
final class InboxWaiting {

    private final Path inbox;
    private final Path previewDir;
    private final List<String> extensions;
    private final Approvals approvals;
    private final ReadyMarker marker;
    private final FileIds ids;
    private final ObjectMapper json;
    private final int requestsPerMinute;

    InboxWaiting(Path inbox, Path previewDir, List<String> extensions, Approvals approvals, ReadyMarker marker, FileIds ids,
                 ObjectMapper json, int requestsPerMinute) {
        this.inbox = inbox;
        this.previewDir = previewDir;
        this.extensions = extensions;
        this.approvals = approvals;
        this.marker = marker;
        this.ids = ids;
        this.json = json;
        this.requestsPerMinute = requestsPerMinute;
    }

    List<Path> files() throws IOException {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(inbox, 2)) {
            return files.filter(Files::isRegularFile).filter(this::readable).filter(approvals::waiting).sorted().toList();
        }
    }

    List<Map<String, Object>> latest() throws IOException {
        List<Map<String, Object>> waiting = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", ids.idOf(file).orElseThrow());
            entry.put("file", inbox.relativize(file).toString().replace('\\', '/'));
            entry.put("waiting_since", Files.getLastModifiedTime(file).toInstant().toString());
            entry.put("preview", preview(file));
            waiting.add(entry);
        }
        return waiting;
    }

    /**
     * Files that have sat in the inbox for {@code quiet} or longer and are neither loading nor
     * waiting for approval, with what may hold them: a name the loader does not take, an extension
     * it does not read, a ready marker ({@code loader.ready-marker}) not there yet, or (most often)
     * their folder's earlier files, which load first. The markers beside the files are not listed.
     *
     * @param loading the inbox paths of the files loading now
     */
    List<Map<String, Object>> notTaken(Set<String> loading, Duration quiet) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        Instant before = Instant.now().minus(quiet);
        List<Map<String, Object>> held = new ArrayList<>();
        List<Path> listed;
        try (Stream<Path> files = Files.walk(inbox, 2)) {
            listed = files.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        Set<Path> markers = listed.stream().map(marker::markerOf).flatMap(Optional::stream).collect(Collectors.toSet());
        for (Path file : listed) {
            String name = file.getFileName().toString();
            String relative = inbox.relativize(file).toString().replace('\\', '/');
            if (name.startsWith(".") || name.startsWith("~") || loading.contains(relative) || markers.contains(file)
                    || name.endsWith(Approvals.SUFFIX) || readable(file) && approvals.waiting(file)) {
                continue;
            }
            Instant since = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
            if (since.isAfter(before)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", relative);
            entry.put("since", since.toString());
            entry.put("why", why(file, name));
            held.add(entry);
        }
        return held;
    }

    private String why(Path file, String name) {
        if (!nameReadable(file)) {
            return "its name has characters the loader cannot read with its locale: start it with a UTF-8 locale"
                    + " (LANG=C.UTF-8) to load it";
        }
        if (!readable(file)) {
            return "not a file the loader reads (loader.extensions): move it elsewhere";
        }
        if (name.contains("\\")) {
            return "its name holds a backslash: the loader renames it (to _) when it looks next";
        }
        Optional<Path> awaited = marker.markerOf(file).filter(path -> !Files.exists(path, LinkOption.NOFOLLOW_LINKS));
        if (awaited.isPresent()) {
            return "waiting for its ready marker (loader.ready-marker): " + inbox.relativize(awaited.get()).toString().replace('\\', '/');
        }
        return "waiting for its turn: a folder's files load one after the other, and loader.parallel-files at once";
    }

    /** Whether the path's name, as this JVM reads it, leads back to the file (not without a UTF-8 locale, for some names). */
    private static boolean nameReadable(Path file) {
        try {
            Path.of(file.toString());
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The contacts routed to each batch call by zone ({@code loader.by-zone.*}); null when they are not. */
    private static Map<String, Long> routed(JsonNode routed) {
        if (!routed.isObject()) {
            return null;
        }
        Map<String, Long> contacts = new LinkedHashMap<>();
        routed.fields().forEachRemaining(call -> contacts.put(call.getKey(), call.getValue().path("contacts").asLong()));
        return contacts;
    }

    private Map<String, Object> preview(Path file) {
        Path relative = inbox.relativize(file);
        Path report = OutputNames.inPreview(previewDir, relative.getParent() == null ? "" : relative.getParent().toString(),
                FileName.of(file.getFileName().toString()).base(), OutputNames.REPORT);
        try {
            if (!Files.isRegularFile(report) || Files.getLastModifiedTime(report).compareTo(Files.getLastModifiedTime(file)) < 0) {
                return null; // not previewed yet, or previewed before the file changed
            }
            JsonNode node = json.readTree(report.toFile());
            Map<String, Object> preview = new LinkedHashMap<>();
            for (String count : List.of("rows", "accepted", "rejected", "warnings")) {
                preview.put(count, node.path(count).asLong());
            }
            preview.put("reasons", json.convertValue(node.path("reasons"), Map.class));
            int requests = node.path("batches").size();
            preview.put("requests", requests);
            preview.put("minutes_at_budget", requestsPerMinute <= 0 ? null
                    : Math.round(requests * 10.0 / requestsPerMinute) / 10.0);
            preview.put("time_zones", json.convertValue(node.path("time_zones"), Map.class));
            preview.put("routed", routed(node.path("routed")));
            return preview;
        } catch (IOException | RuntimeException beingWritten) {
            return null;
        }
    }

    private boolean readable(Path file) {
        String name = file.getFileName().toString();
        String extension = FileName.of(name).extension();
        return !name.startsWith(".") && !extension.isEmpty() && extensions.contains(extension.toLowerCase(Locale.ROOT));
    }
}
