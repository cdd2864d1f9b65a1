package ai.truedy.loader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sandbox's batch calls: checks a request against the documented schema (422 with
 * {@code detail[].loc} per fault), skips numbers a batch call already has, keeps the rest in
 * {@code <folder>/<batch_call_id>.jsonl}, and answers with the documented envelope.
 */
final class SandboxBatchCalls {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");
    private static final List<String> TEXT_FIELDS = List.of("first_name", "last_name", "email");

    record Answer(int status, byte[] body) {
    }

    private final ObjectMapper json;
    private final Path folder;
    private final Map<String, Set<String>> numbersByBatchCall = new ConcurrentHashMap<>();

    SandboxBatchCalls(ObjectMapper json, Path folder) {
        this.json = json;
        this.folder = folder;
    }

    Answer addContacts(String batchCallId, byte[] request) {
        JsonNode body;
        try {
            body = json.readTree(request);
        } catch (IOException e) {
            return error(400, "bad_request", "The request body is not valid JSON");
        }
        List<Map<String, Object>> faults = faults(body);
        if (!faults.isEmpty()) {
            return answer(422, Map.of("detail", faults));
        }
        Set<String> known = numbersByBatchCall.computeIfAbsent(batchCallId, id -> new HashSet<>());
        StringBuilder lines = new StringBuilder();
        int added = 0;
        int duplicates = 0;
        int total;
        synchronized (known) {
            for (JsonNode contact : body.get("contacts")) {
                if (known.add(contact.get("phone_number").asText())) {
                    added++;
                    lines.append(contact).append('\n');
                } else {
                    duplicates++;
                }
            }
            total = known.size();
            append(batchCallId, lines.toString());
        }
        return answer(200, Map.of(
                "data", Map.of("added", added, "duplicates_skipped", duplicates, "invalid_skipped", 0,
                        "total_contacts", total),
                "meta", meta()));
    }

    Answer error(int status, String code, String message) {
        return answer(status, Map.of("error", Map.of("code", code, "message", message, "details", Map.of()),
                "meta", meta()));
    }

    private static List<Map<String, Object>> faults(JsonNode body) {
        List<Map<String, Object>> faults = new ArrayList<>();
        JsonNode contacts = body.path("contacts");
        if (!contacts.isArray() || contacts.isEmpty()) {
            faults.add(fault(List.of("body", "contacts"), "List should have at least 1 item", "too_short"));
            return faults;
        }
        for (int i = 0; i < contacts.size(); i++) {
            JsonNode contact = contacts.get(i);
            JsonNode phone = contact.path("phone_number");
            if (phone.isMissingNode() || phone.isNull()) {
                faults.add(fault(List.of("body", "contacts", i, "phone_number"), "Field required", "missing"));
            } else if (!phone.isTextual() || !E164.matcher(phone.asText()).matches()) {
                faults.add(fault(List.of("body", "contacts", i, "phone_number"),
                        "String should match pattern '" + E164.pattern() + "'", "string_pattern_mismatch"));
            }
            for (String field : TEXT_FIELDS) {
                JsonNode value = contact.path(field);
                if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
                    faults.add(fault(List.of("body", "contacts", i, field), "Input should be a valid string",
                            "string_type"));
                }
            }
        }
        return faults;
    }

    private static Map<String, Object> fault(List<Object> loc, String msg, String type) {
        return Map.of("loc", loc, "msg", msg, "type", type);
    }

    private static Map<String, String> meta() {
        return Map.of("request_id", "req_" + UUID.randomUUID().toString().substring(0, 8),
                "ts", Instant.now().toString());
    }

    private void append(String batchCallId, String lines) {
        if (lines.isEmpty()) {
            return;
        }
        String safeName = batchCallId.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.writeString(folder.resolve(safeName + ".jsonl"), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer answer(int status, Object body) {
        try {
            return new Answer(status, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
