package ai.truedy.loader.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.truedy.loader.contacts.NumberZones;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.RowVerdict.Ready;

/**
 * The few lines a preview prints for a file: rows, what would be sent to each batch call and the
 * span of UTC offsets it reaches (calling hours follow the recipient's clock), rejects by reason,
 * the phone columns used, and the requests it takes with the time they take at the request budget.
 * It listens to the preview's batches as they are settled.
 */
public final class PreviewSummary implements BatchListener {

    private final Map<String, BatchCall> batchCalls = new TreeMap<>();
    private final Map<String, Integer> offsets = new HashMap<>();
    private final Instant now = Instant.now();

    /** What would go to one batch call. */
    private static final class BatchCall {
        long contacts;
        long requests;
        long unknownZone;
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
    }

    @Override
    public synchronized void settled(BatchSettled settled) {
        BatchCall call = batchCalls.computeIfAbsent(settled.batch().batchCallId(), id -> new BatchCall());
        call.requests++;
        if (settled.outcome().disposition() != Disposition.ACCEPTED) {
            return;
        }
        call.contacts += settled.batch().size();
        for (Ready item : settled.batch().items()) {
            List<String> zones = NumberZones.of(item.contact().phoneNumber());
            if (zones.isEmpty()) {
                call.unknownZone++;
            }
            for (String zone : zones) {
                int offset = offsets.computeIfAbsent(zone, this::offsetNow);
                call.lowest = Math.min(call.lowest, offset);
                call.highest = Math.max(call.highest, offset);
            }
        }
    }

    /**
     * The summary of a previewed file.
     *
     * @param requestsPerMinute {@code truedy.rate-limit.requests-per-minute}; 0: no budget
     */
    public synchronized String text(FileReport report, int requestsPerMinute) {
        StringBuilder text = new StringBuilder("Preview of ").append(report.file()).append(" (nothing sent): ")
                .append(report.rows()).append(report.rows() == 1 ? " row" : " rows");
        if (report.skippedLinesAboveHeader() > 0) {
            text.append(", below ").append(report.skippedLinesAboveHeader()).append(" skipped above the header");
        }
        text.append('\n');
        text.append("  would send ").append(report.accepted());
        batchCalls.forEach((id, call) -> text.append("\n    batch call ").append(id).append(": ")
                .append(call.contacts).append(" contacts in ").append(requests(call.requests)).append(span(call)));
        text.append('\n');
        if (report.rejected() > 0) {
            text.append("  rejected ").append(report.rejected()).append(": ")
                    .append(FileReport.inWords(report.reasons())).append('\n');
        }
        if (report.pendingRetry() > 0) {
            text.append("  would wait in retry/ ").append(report.pendingRetry()).append(": ")
                    .append(report.batches().stream().filter(batch -> "retry".equals(batch.outcome()))
                            .map(FileReport.BatchReport::detail).findFirst().orElse("")).append('\n');
        }
        if (report.warnings() > 0) {
            text.append("  sent with a warning ").append(report.warnings()).append(": ")
                    .append(FileReport.inWords(report.warningReasons())).append('\n');
        }
        text.append("  phone columns: ").append(report.phoneColumns().isEmpty() ? "none used"
                : FileReport.inWords(report.phoneColumns())).append('\n');
        long requests = batchCalls.values().stream().mapToLong(call -> call.requests).sum();
        text.append("  ").append(requests(requests)).append(requestsPerMinute == 0
                ? ", with no request budget (truedy.rate-limit.requests-per-minute = 0)"
                : ", about " + readable(Duration.ofMillis(requests * 60_000 / requestsPerMinute)) + " at "
                        + requestsPerMinute + " requests a minute").append('\n');
        text.append("  report: ").append(report.outputs().report());
        return text.toString();
    }

    private int offsetNow(String zone) {
        return ZoneId.of(zone).getRules().getOffset(now).getTotalSeconds();
    }

    private static String span(BatchCall call) {
        String unknown = call.unknownZone == 0 ? "" : " (" + call.unknownZone + " in no known time zone)";
        if (call.lowest > call.highest) {
            return unknown;
        }
        String lowest = utc(call.lowest);
        String highest = utc(call.highest);
        return (lowest.equals(highest) ? ", " + lowest : ", " + lowest + " to " + highest) + " now" + unknown;
    }

    private static String utc(int seconds) {
        return "UTC" + (seconds == 0 ? "" : ZoneOffset.ofTotalSeconds(seconds).getId());
    }

    private static String requests(long count) {
        return count + (count == 1 ? " request" : " requests");
    }

    private static String readable(Duration time) {
        long seconds = Math.max(1, (time.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
