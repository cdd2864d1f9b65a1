package ai.truedy.loader.model;

import java.util.List;

import ai.truedy.loader.model.RowVerdict.Ready;

/** Contacts for one batch call, sent in one request, with the rows they came from. */
public record Batch(String batchCallId, int sequence, List<Ready> items) {

    /** The most contacts Truedy takes in one request is not documented; this keeps requests sane. */
    public static final int MAX_SIZE = 1000;

    public List<Contact> contacts() {
        return items.stream().map(Ready::contact).toList();
    }

    public int size() {
        return items.size();
    }

    public long firstRow() {
        return items.get(0).row().number();
    }

    public long lastRow() {
        return items.get(items.size() - 1).row().number();
    }
}
