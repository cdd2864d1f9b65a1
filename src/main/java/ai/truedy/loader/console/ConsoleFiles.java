package ai.truedy.loader.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.reporting.FilesInFlight;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * {@code GET /api/files}: the files loading now with how far along each is and the time left at
 * the budget as the turns share it ({@link TimeLeft}), the same per batch call, those waiting for
 * approval, those not taken, the recent outcomes and the retry queue; and {@code GET
 * /api/files/{id}/{report|rejected|retry|warnings}}, the downloads, which hold phone numbers and
 * sit behind the console's password like the rest.
 */
public final class ConsoleFiles {

    /** A file in the inbox this long, neither loading nor waiting for approval, is listed as not taken. */
    private static final Duration NOT_TAKEN_AFTER = Duration.ofMinutes(1);

    private final FilesInFlight loading;
    private final InboxWaiting waiting;
    private final RecentFiles recent;
    private final RetryRedrive redrive;
    private final FileIds ids;
    private final TimeLeft timeLeft;
    private final ObjectMapper json;

    /**
     * @param folders    the loader's folders by role: inbox, done, error, retry, preview
     * @param extensions the extensions the loader reads ({@code loader.extensions})
     */
    public ConsoleFiles(FilesInFlight loading, Map<String, Path> folders, List<String> extensions, Approvals approvals,
                        ReadyMarker marker, RetryRedrive redrive, int batchSize, int requestsPerMinute, ObjectMapper json) {
        this.loading = loading;
        this.ids = new FileIds(folders);
        this.waiting = new InboxWaiting(folders.get("inbox"), folders.get("preview"), extensions, approvals, marker, ids, json,
                requestsPerMinute);
        this.recent = new RecentFiles(folders.get("done"), folders.get("error"), ids, json);
        this.redrive = redrive;
        this.timeLeft = new TimeLeft(requestsPerMinute, batchSize);
        this.json = json;
    }

    public String files() throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        List<FilesInFlight.Progress> now = loading.now();
        TimeLeft.Answer left = timeLeft.of(now);
        files.put("in_flight", now.stream().map(file -> inFlight(file, left.files().get(file.file()))).toList());
        files.put("batch_calls", left.batchCalls().stream().map(ConsoleFiles::batchCall).toList());
        files.put("waiting_for_approval", waiting.latest());
        files.put("not_taken", waiting.notTaken(now.stream().map(FilesInFlight.Progress::file).collect(Collectors.toSet()),
                NOT_TAKEN_AFTER));
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

    private Map<String, Object> inFlight(FilesInFlight.Progress file, TimeLeft.Estimate estimate) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file.file());
        entry.put("batch_call", file.batchCall());
        entry.put("started_at", file.startedAt());
        entry.put("rows_read", file.rowsRead());
        entry.put("accepted", file.accepted());
        entry.put("rejected", file.rejected());
        entry.put("pending_retry", file.pendingRetry());
        entry.put("rows_expected", estimate.rowsExpected());
        entry.put("rows_to_go", estimate.rowsToGo());
        entry.put("progress", estimate.rowsExpected() == 0 ? 0.0
                : Math.min(1.0, (double) file.settled() / estimate.rowsExpected()));
        entry.put("seconds_left_at_budget", estimate.seconds());
        entry.put("seconds_left_low", estimate.low());
        entry.put("seconds_left_high", estimate.high());
        return entry;
    }

    private static Map<String, Object> batchCall(TimeLeft.BatchCall totals) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("batch_call", totals.batchCall());
        entry.put("files", totals.files());
        entry.put("rows_to_go", totals.rowsToGo());
        entry.put("seconds_left_at_budget", totals.seconds());
        return entry;
    }
}
