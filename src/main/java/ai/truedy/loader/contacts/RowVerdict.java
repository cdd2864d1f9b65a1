package ai.truedy.loader.contacts;

import ai.truedy.loader.intake.SourceRow;

/** What became of one data row on its way to the API: ready to send, or rejected with a reason. */
public sealed interface RowVerdict {

    SourceRow row();

    /** A contact to send to a batch call. */
    record Ready(SourceRow row, String batchCallId, Contact contact) implements RowVerdict {
    }

    /** A row that will not be sent, and why. */
    record Rejected(SourceRow row, RejectReason reason, String detail) implements RowVerdict {
    }
}
