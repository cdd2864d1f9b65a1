package ai.truedy.loader.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.delivery.SendOrder;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowWarning;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.sink.SinkResult.Note;

/**
 * The outcome of every contact of one message handed to the Kamelet sink: accepted, rejected with
 * a reason, or not sent (the API could not be reached, or kept failing). Batches of a message are
 * sent one after the other on the message's own thread.
 */
final class MessageOrigin implements BatchOrigin {

    private final String name;
    private final ReceivedContacts contacts;
    private final SendOrder sendOrder = new SendOrder();
    private final Set<String> notFound = new HashSet<>();
    private final List<Note> rejected = new ArrayList<>();
    private final List<Note> warnings = new ArrayList<>();
    private final List<Integer> notSent = new ArrayList<>();
    private long accepted;
    private String notSentBecause;

    MessageOrigin(String name, ReceivedContacts contacts) {
        this.name = name;
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOrder sendOrder() {
        return sendOrder;
    }

    @Override
    public synchronized boolean isNotFound(String batchCallId) {
        return notFound.contains(batchCallId);
    }

    @Override
    public synchronized void notFound(String batchCallId) {
        notFound.add(batchCallId);
    }

    synchronized void reject(SourceRow row, RejectReason reason, String detail) {
        rejected.add(new Note((int) row.number() - 1, reason.code(), detail));
    }

    /** A contact sent with something left out, such as an email that is not an address. */
    synchronized void warn(SourceRow row, RowWarning warning) {
        warnings.add(new Note((int) row.number() - 1, warning.reason().code(), warning.detail()));
    }

    @Override
    public void rejectedByApi(Ready item, String reason) {
        reject(item.row(), RejectReason.API_VALIDATION, reason);
    }

    @Override
    public synchronized void settled(Batch batch, BatchOutcome outcome, int attempts, boolean replayed) {
        switch (outcome.disposition()) {
            case ACCEPTED -> accepted += batch.size();
            case REJECTED -> batch.items().forEach(item -> reject(item.row(), outcome.reason(), outcome.detail()));
            case RETRY -> {
                batch.items().forEach(item -> notSent.add((int) item.row().number() - 1));
                notSentBecause = outcome.detail();
            }
        }
    }

    synchronized SinkResult result() {
        rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
        notSent.sort(Integer::compare);
        return new SinkResult(contacts.rows().size(), accepted, List.copyOf(rejected), List.copyOf(warnings),
                notSent.stream().map(index -> contacts.original(index + 1)).toList(), notSentBecause);
    }
}
