package ai.truedy.loader.reporting;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

import ai.truedy.loader.contacts.RoutedContacts;
import ai.truedy.loader.model.LogSafe;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word to ops at {@code loader.notify.url}: a notice when a file is finished or cannot be loaded,
 * and when sending is suspended or goes on again. Notices are handed to the notify route's queue
 * and posted from there ({@code routes/notify.camel.yaml}), so a slow or failing endpoint never
 * holds up loading; a notice the queue has no room for is dropped with a warning. The body is the
 * report's summary as JSON, or a Slack incoming-webhook {@code {"text": ...}} line.
 */
public final class Notifications {

    /** {@code loader.notify.format}. */
    public enum Format { JSON, SLACK }

    /** One notice: its fields for JSON, and the same in a line for a chat. */
    public record Notice(String event, Map<String, Object> fields, String line) {
    }

    /** The exchange property the notify route keeps the notice under while it posts it. */
    public static final String NOTICE = "loaderNotice";

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"']+");

    private final String url;
    private final Format format;
    private final Consumer<Notice> queue;
    private final Supplier<String> suspension;
    private String suspendedBecause;

    /**
     * @param url        {@code loader.notify.url}; empty: no notices
     * @param queue      the notify route's queue
     * @param suspension why sending is suspended now (the request budget, held while a list is stale), or null
     */
    public Notifications(String url, Format format, Consumer<Notice> queue, Supplier<String> suspension) {
        this.url = url;
        this.format = format;
        this.queue = queue;
        this.suspension = suspension;
    }

    /** A file is finished: its report is in done/. */
    public void finished(FileReport report) {
        checkSending(); // a suspension while the file was sent is told first, even if the run ends now
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", report.file());
        fields.put("duplicate_of", report.duplicateOf());
        fields.put("rows", report.rows());
        fields.put("accepted", report.accepted());
        fields.put("rejected", report.rejected());
        fields.put("pending_retry", report.pendingRetry());
        fields.put("reasons", report.reasons());
        Map<String, Long> routed = report.routed() == null ? null : RoutedContacts.contactsOf(report.routed());
        if (routed != null) {
            fields.put("routed", routed);
        }
        fields.put("report", report.outputs().report());
        String reasons = (report.reasons().isEmpty() ? "" : " (" + FileReport.inWords(report.reasons()) + ")")
                + (routed == null ? "" : "; routed by time zone to " + FileReport.inWords(routed));
        publish(new Notice("file_finished", fields, report.duplicateOf() != null
                ? report.file() + " was not sent: the same content was loaded as " + report.duplicateOf()
                : report.file() + " finished: " + report.rows() + " rows, " + report.accepted() + " accepted, "
                        + report.rejected() + " rejected" + reasons + ", " + report.pendingRetry() + " waiting in retry/"));
    }

    /** A file cannot be loaded: it is in error/ with {@code errorFile} saying why. */
    public void failed(String file, String reason, String errorFile) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", file);
        fields.put("error", LogSafe.mask(reason));
        fields.put("error_file", errorFile);
        publish(new Notice("file_failed", fields, file + " cannot be loaded: " + LogSafe.mask(reason)));
    }

    /** Told when sending is suspended (401, 402, 403; a stale do-not-call list) or goes on again; every poll. */
    public synchronized void checkSending() {
        String now = suspension.get();
        if (now != null && suspendedBecause == null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", LogSafe.mask(now));
            publish(new Notice("sending_suspended", fields, "Sending to Truedy stopped: " + LogSafe.mask(now)
                    + ". Batches wait in retry/."));
        } else if (now == null && suspendedBecause != null) {
            publish(new Notice("sending_resumed", new LinkedHashMap<>(), "Sending to Truedy goes on again"));
        }
        suspendedBecause = now;
    }

    /** The fields of the body the notify route posts as JSON, in {@code loader.notify.format}. */
    public Map<String, Object> body(Notice notice) {
        if (format == Format.SLACK) {
            return Map.of("text", "Truedy contacts loader: " + notice.line());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", notice.event());
        body.put("at", Instant.now().toString());
        notice.fields().forEach((name, value) -> {
            if (value != null) { // a field without a value is left out, such as duplicate_of for a file loaded
                body.put(name, value);
            }
        });
        return body;
    }

    /** A notice could not be posted, after every try: one line, with the endpoint's path and query masked. */
    public void notPosted(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                          @ExchangeProperty(NOTICE) Notice notice) {
        LOG.warn("Could not post the {} notice to {}: {}", notice == null ? "" : notice.event(), masked(url),
                LogSafe.mask(unlinked(reason(cause))));
    }

    /** A notice given up by a loader that stopped while the notice waited out its back-off. */
    public void givenUpAtStop(Exception lastTry, Notice notice) {
        LOG.warn("Could not post the {} notice to {}: the loader stopped while it waited to try again; the last try: {}",
                notice == null ? "" : notice.event(), masked(url), LogSafe.mask(unlinked(reason(lastTry))));
    }

    private static String reason(Exception cause) {
        return cause == null ? "unknown" : String.valueOf(cause.getMessage());
    }

    /** A URL in an error's text, such as the endpoint's, masked as {@link #masked} does. */
    private static String unlinked(String text) {
        return URL.matcher(text).replaceAll(found -> Matcher.quoteReplacement(masked(found.group())));
    }

    /** A URL for the log: scheme, host and port only, since its path or query may hold a token. */
    public static String masked(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/***";
            }
        } catch (IllegalArgumentException notAUri) {
            // below
        }
        int colon = url.indexOf(':');
        return (colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) + ":" : "") + "***";
    }

    private void publish(Notice notice) {
        if (url.isEmpty()) {
            return;
        }
        try {
            queue.accept(notice);
        } catch (RuntimeException full) {
            LOG.warn("Dropped the {} notice for {}: {}", notice.event(), masked(url), full.getMessage());
        }
    }
}
