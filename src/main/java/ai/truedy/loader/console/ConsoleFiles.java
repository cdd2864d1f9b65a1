package ai.truedy.loader.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.reporting.FilesInFlight;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * {@code GET /api/files}: the files loading now with how far along each is and the time left at
 * the budget, those waiting for approval, the recent outcomes and the retry queue; and {@code GET
 * /api/files/{id}/{report|rejected|retry|warnings}}, the downloads, which hold phone numbers and
 * sit behind the console's password like the rest.
 */
public final class ConsoleFiles {

    private final FilesInFlight loading;
    private final InboxWaiting waiting;
    private final RecentFiles recent;
    private final RetryRedrive redrive;
    private final FileIds ids;
    private final int batchSize;
    private final int requestsPerMinute;
    private final ObjectMapper json;

    ConsoleFiles(FilesInFlight loading, InboxWaiting waiting, RecentFiles recent, RetryRedrive redrive, FileIds ids,
                 int batchSize, int requestsPerMinute, ObjectMapper json) {
        this.loading = loading;
        this.waiting = waiting;
        this.recent = recent;
        this.redrive = redrive;
        this.ids = ids;
        this.batchSize = batchSize;
        this.requestsPerMinute = requestsPerMinute;
        this.json = json;
    }

    public String files() throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("in_flight", loading.now().stream().map(this::inFlight).toList());
        files.put("waiting_for_approval", waiting.latest());
        files.put("recent", recent.latest());
        files.put("retry", redrive.waiting().stream().map(file -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", file.file().getFileName().toString());
            entry.put("rows", RetryRows.count(file.file()));
            entry.put("due_at", file.due().toString());
            ids.idOf(file.file()).ifPresent(id -> entry.put("download", "api/files/" + id + "/file"));
            return entry;
        }).toList());
        return json.writeValueAsString(files);
    }

    /** One of a recent file's outputs, or a retry file itself ({@code file}), as a download. */
    public InputStream download(@Header("id") String id, @Header("part") String part, Message answer) throws IOException {
        Path file = ids.resolve(id).orElseThrow(() -> new ConsoleRefusal(404, "no such file"));
        Path output = "file".equals(part) && "retry".equals(ids.folderOf(id)) ? file
                : !RecentFiles.DOWNLOADS.contains(part) || !RecentFiles.isReport(file) ? null
                : recent.output(file, part).orElse(null);
        if (output == null) {
            throw new ConsoleRefusal(404, "this file has no " + part + " to download (any more)");
        }
        String name = output.getFileName().toString();
        answer.setHeader("Content-Type", name.endsWith(".json") ? "application/json" : "text/csv; charset=utf-8");
        answer.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        return Files.newInputStream(output);
    }

    private Map<String, Object> inFlight(FilesInFlight.Progress file) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file.file());
        entry.put("started_at", file.startedAt());
        entry.put("rows_read", file.rowsRead());
        entry.put("accepted", file.accepted());
        entry.put("rejected", file.rejected());
        entry.put("pending_retry", file.pendingRetry());
        long expected = file.fractionRead() > 0 ? Math.max(file.rowsRead(), Math.round(file.rowsRead() / file.fractionRead()))
                : file.rowsRead();
        entry.put("rows_expected", expected);
        entry.put("progress", expected == 0 ? 0.0 : Math.min(1.0, (double) file.settled() / expected));
        long requestsLeft = (Math.max(0, expected - file.settled()) + batchSize - 1) / batchSize;
        entry.put("seconds_left_at_budget", requestsPerMinute <= 0 ? null : requestsLeft * 60 / requestsPerMinute);
        return entry;
    }
}
