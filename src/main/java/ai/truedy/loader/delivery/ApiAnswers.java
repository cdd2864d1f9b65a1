package ai.truedy.loader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.model.BatchOutcome.Disposition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads an answer of "Add Contacts to Batch Call" into a {@link BatchOutcome}, where the rows go
 * as {@link SendRules} says for its status. It knows both 200
 * bodies the API documents ({@code added_count}/{@code failed_count}, and
 * {@code added}/{@code duplicates_skipped}/{@code invalid_skipped}/{@code total_contacts}) and both
 * error bodies ({@code error.code}/{@code error.message}, and the 422 {@code detail[]} list). A body
 * that is not JSON, such as a proxy's HTML page, is read as having no fields.
 */
public final class ApiAnswers {

    private final ObjectMapper json;

    public ApiAnswers(ObjectMapper json) {
        this.json = json;
    }

    public BatchOutcome read(int status, String body) {
        JsonNode root = parse(body);
        String requestId = textOrNull(root.path("meta").path("request_id"));
        if (status >= 200 && status < 300) {
            return new BatchOutcome(Disposition.ACCEPTED, status, requestId, null,
                    describe(status, null, null, requestId), counts(root.path("data")));
        }
        JsonNode error = root.path("error");
        String code = textOrNull(error.path("code"));
        String message = status == 422 && root.has("detail") ? validationMessages(root.path("detail"))
                : textOrNull(error.path("message"));
        SendRules.Rule rule = SendRules.forStatus(status);
        return new BatchOutcome(rule.disposition(), status, requestId, rule.reason(),
                describe(status, code, message, requestId), ApiCounts.NONE);
    }

    /**
     * No answer at all: connection refused or reset, timeout, or the request could not be made.
     * Nothing says the data is wrong, so the rows are retried.
     */
    public BatchOutcome noAnswer(Throwable failure) {
        String what = failure instanceof java.io.IOException ? "no answer from the API: " : "request not sent: ";
        String detail = what + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
        return new BatchOutcome(Disposition.RETRY, null, null, null, detail, ApiCounts.NONE);
    }

    /**
     * The contacts a 422 names, by their index in the request ({@code loc = ["body","contacts",i,…]}),
     * with the API's messages; empty when it names none.
     */
    public Map<Integer, String> faultyContacts(String body) {
        Map<Integer, String> faults = new TreeMap<>();
        for (JsonNode item : parse(body).path("detail")) {
            JsonNode loc = item.path("loc");
            if (loc.size() >= 3 && "contacts".equals(loc.get(1).asText()) && loc.get(2).canConvertToInt()) {
                List<String> path = new ArrayList<>();
                loc.forEach(part -> path.add(part.asText()));
                String msg = textOrNull(item.path("msg"));
                faults.merge(loc.get(2).asInt(), String.join(".", path) + ": " + (msg == null ? "invalid" : msg),
                        (a, b) -> a + "; " + b);
            }
        }
        return faults;
    }

    /** How long a 429 asks to wait: {@code Retry-After} (seconds or HTTP date), else {@code error.details.reset_at}. */
    public Optional<Duration> rateLimitWait(String retryAfter, String body, Instant now) {
        if (retryAfter != null && !retryAfter.isBlank()) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(positive(Duration.between(now, at)));
                } catch (DateTimeParseException notADate) {
                    // fall through to the body
                }
            }
        }
        String resetAt = textOrNull(parse(body).path("error").path("details").path("reset_at"));
        if (resetAt != null) {
            try {
                return Optional.of(positive(Duration.between(now, OffsetDateTime.parse(resetAt).toInstant())));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration positive(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static ApiCounts counts(JsonNode data) {
        return new ApiCounts(
                firstInt(data, "added_count", "added"),
                firstInt(data, "failed_count", null),
                firstInt(data, "duplicates_skipped", null),
                firstInt(data, "invalid_skipped", null),
                firstInt(data, "total_contacts", null));
    }

    private static String validationMessages(JsonNode detail) {
        List<String> messages = new ArrayList<>();
        for (JsonNode item : detail) {
            List<String> loc = new ArrayList<>();
            item.path("loc").forEach(part -> loc.add(part.asText()));
            String msg = textOrNull(item.path("msg"));
            messages.add(String.join(".", loc) + ": " + (msg == null ? "invalid" : msg));
        }
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    private static String describe(int status, String code, String message, String requestId) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (requestId != null) {
            text.append(" (request ").append(requestId).append(')');
        }
        return text.toString();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    private static Integer firstInt(JsonNode data, String name, String alternative) {
        JsonNode node = data.path(name);
        if (!node.isNumber() && alternative != null) {
            node = data.path(alternative);
        }
        return node.isNumber() ? node.intValue() : null;
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
