package ai.truedy.loader.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.observability.SendingReadiness;
import ai.truedy.loader.reporting.FilesInFlight;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/status}: whether the loader is sending, paused (why, by whom or until when) or idle; the
 * request budget used in the last minute; the do-not-call lists and their age.
 */
public final class ConsoleStatus {

    private final SendingReadiness readiness;
    private final RequestBudget gate;
    private final OperatorPause pause;
    private final RecentRequests requests;
    private final int requestsPerMinute;
    private final DoNotCallLists doNotCall;
    private final FilesInFlight loading;
    private final String approval;
    private final CsrfToken csrf;
    private final ObjectMapper json;

    /**
     * @param readiness why nothing can be sent, as /observe/health says it
     * @param gate      the request budget: a 429's pause
     * @param approval  {@code loader.approval}
     */
    public ConsoleStatus(SendingReadiness readiness, RequestBudget gate, OperatorPause pause, RecentRequests requests,
                         int requestsPerMinute,
                         DoNotCallLists doNotCall, FilesInFlight loading, String approval, CsrfToken csrf, ObjectMapper json) {
        this.readiness = readiness;
        this.gate = gate;
        this.pause = pause;
        this.requests = requests;
        this.requestsPerMinute = requestsPerMinute;
        this.doNotCall = doNotCall;
        this.loading = loading;
        this.approval = approval;
        this.csrf = csrf;
        this.json = json;
    }

    public String status() throws JsonProcessingException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sending", sending());
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("requests_per_minute", requestsPerMinute);
        budget.put("used_last_minute", requests.lastMinute());
        status.put("budget", budget);
        status.put("do_not_call", doNotCall.lists().stream().map(list -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", list.name());
            entry.put("numbers", list.numbers());
            entry.put("changed_at", list.changed().toString());
            entry.put("stale", list.stale());
            return entry;
        }).toList());
        status.put("approval", approval);
        status.put("csrf_token", csrf.value());
        status.put("now", Instant.now().toString());
        return json.writeValueAsString(status);
    }

    /** Who paused sending and when ({@code paused_by}, {@code paused_at}), while a person's pause is on. */
    static void putPause(Map<String, Object> into, OperatorPause pause) {
        pause.paused().ifPresent(paused -> {
            into.put("paused_by", paused.by());
            into.put("paused_at", paused.at().toString());
        });
    }

    private Map<String, Object> sending() {
        Map<String, Object> sending = new LinkedHashMap<>();
        String notReady = readiness.notReadyBecause();
        Instant pausedUntil = gate.pausedUntil();
        if (notReady != null) {
            sending.put("state", "paused");
            sending.put("reason", notReady);
            putPause(sending, pause);
        } else if (pausedUntil != null) {
            sending.put("state", "paused");
            sending.put("reason", "Truedy answered 429: too many requests; sending waits for its reset_at");
            sending.put("until", pausedUntil.toString());
        } else {
            sending.put("state", loading.now().isEmpty() ? "idle" : "running");
        }
        return sending;
    }
}
