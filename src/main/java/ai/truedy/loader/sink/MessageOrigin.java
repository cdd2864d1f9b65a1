package ai.truedy.loader.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowVerdict.Rejected;
import ai.truedy.loader.model.RowWarning;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.sink.SinkResult.Note;

/**
 * The outcome of every contact of one message handed to the Kamelet sink: accepted, rejected with
 * a reason, or not sent (the API could not be reached, or kept failing). Batches of a message are
 * sent one after the other on the message's own thread.
 */
final class MessageOrigin implements BatchListener {

    private final ReceivedContacts contacts;
    private final List<Note> rejected = new ArrayList<>();
    private final List<Note> warnings = new ArrayList<>();
    private final List<Integer> notSent = new ArrayList<>();
    private long accepted;
    private String notSentBecause;

    MessageOrigin(ReceivedContacts contacts) {
        this.contacts = contacts;
    }

    /** A contact read by the loader's rules: ready to send, or rejected here with the reason. */
    Optional<Ready> read(SourceRow row, ContactRows rows) {
        RowVerdict verdict = contacts.original(row.number()).isObject() ? rows.read(row)
                : new Rejected(row, RejectReason.MALFORMED_ROW, "not a JSON object");
        if (verdict instanceof Rejected rejected) {
            reject(row, rejected.reason(), rejected.reason() == RejectReason.MISSING_PHONE
                    ? "no phone_number (or phone, mobile) field" : rejected.detail());
            return Optional.empty();
        }
        Ready ready = (Ready) verdict;
        ready.warnings().forEach(warning -> warn(row, warning));
        return Optional.of(ready);
    }

    synchronized void reject(SourceRow row, RejectReason reason, String detail) {
        rejected.add(new Note((int) row.number() - 1, reason.code(), detail));
    }

    /** A contact sent with something left out, such as an email that is not an address. */
    synchronized void warn(SourceRow row, RowWarning warning) {
        warnings.add(new Note((int) row.number() - 1, warning.reason().code(), warning.detail()));
    }

    @Override
    public void rejectedByApi(SourceRow row, String reason) {
        reject(row, RejectReason.API_VALIDATION, reason);
    }

    @Override
    public synchronized void settled(BatchSettled settled) {
        Batch batch = settled.batch();
        BatchOutcome outcome = settled.outcome();
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
