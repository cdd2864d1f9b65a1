package ai.truedy.loader.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ai.truedy.loader.contacts.ColumnMap;
import ai.truedy.loader.contacts.PersonName;
import ai.truedy.loader.contacts.Texts;
import ai.truedy.loader.model.SourceRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * The contacts of one message as rows, so that they are read by the same rules as a CSV file's.
 * Each JSON object is a row; its field names are matched as CSV headers are (so {@code phone},
 * {@code mobile} and {@code phone_number} all work), each object by its own names; its position in
 * the message is the row number. An element that is not an object becomes an empty row.
 *
 * @param rows      one per contact, in message order, numbered from 1, with the values in {@link #COLUMNS} order
 * @param originals the contacts as they came, to hand back those that could not be sent
 */
record ReceivedContacts(List<SourceRow> rows, List<JsonNode> originals) {

    /** The fields a row holds: phone, first name, last name, email and batch call id. */
    static final ColumnMap COLUMNS = new ColumnMap(0, 1, 2, ColumnMap.ABSENT, 3, 4);

    /** @param json a JSON object (one contact) or array (many) */
    static ReceivedContacts of(JsonNode json) {
        List<JsonNode> contacts = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(contacts::add);
        } else {
            contacts.add(json);
        }
        List<SourceRow> rows = new ArrayList<>(contacts.size());
        for (JsonNode contact : contacts) {
            rows.add(new SourceRow(rows.size() + 1, values(contact)));
        }
        return new ReceivedContacts(List.copyOf(rows), List.copyOf(contacts));
    }

    /** The message body as a JSON object or array: text, bytes, a stream, or already parsed (maps and lists). */
    static JsonNode json(Message message, ObjectMapper json) throws InvalidPayloadException {
        Object body = message.getBody();
        if (body instanceof JsonNode node) {
            return node;
        }
        if (body instanceof Map<?, ?> || body instanceof List<?>) {
            return json.valueToTree(body);
        }
        byte[] bytes = message.getMandatoryBody(byte[].class);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the message is not JSON: expected a contact object or an array of them"
                    + (e instanceof JsonProcessingException parse && parse.getLocation() != null
                    ? " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")"
                    : ""));
        }
        if (node == null || !(node.isObject() || node.isArray())) {
            throw new IllegalArgumentException("the message is not a contact object or an array of them");
        }
        return node;
    }

    JsonNode original(long rowNumber) {
        return originals.get((int) rowNumber - 1);
    }

    /**
     * The contact's values in {@link #COLUMNS} order. A full name ({@code name}) is split into first
     * and last when the contact has neither, as for a CSV file without those columns.
     */
    private static String[] values(JsonNode contact) {
        List<String> names = new ArrayList<>();
        contact.fieldNames().forEachRemaining(names::add);
        Optional<ColumnMap> fields = ColumnMap.of(names);
        if (fields.isEmpty()) {
            return new String[] {"", "", "", "", ""};
        }
        ColumnMap map = fields.get();
        String first = text(contact, names, map.firstName());
        String last = text(contact, names, map.lastName());
        String fullName = Texts.orNull(text(contact, names, map.fullName()));
        if (map.firstName() == ColumnMap.ABSENT && map.lastName() == ColumnMap.ABSENT && fullName != null) {
            PersonName name = PersonName.of(fullName);
            first = Objects.toString(name.first(), "");
            last = Objects.toString(name.last(), "");
        }
        int phone = names.contains("phone_number") ? names.indexOf("phone_number") : map.phone(); // the API's own name first
        return new String[] {text(contact, names, phone), first, last, text(contact, names, map.email()),
                text(contact, names, map.batchCallId())};
    }

    /** A field's scalar value as text (a phone number may come as a JSON number); anything else is left out. */
    private static String text(JsonNode contact, List<String> names, int field) {
        JsonNode value = field == ColumnMap.ABSENT ? null : contact.get(names.get(field));
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
