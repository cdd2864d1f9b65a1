package ai.truedy.loader.model;

import java.util.List;

/** What became of one data row on its way to the API: ready to send, or rejected with a reason. */
public sealed interface RowVerdict {

    SourceRow row();

    /**
     * A contact to send to a batch call, with anything that was off but did not stop it.
     *
     * @param phoneColumn the column its phone number was taken from (a file may have several)
     */
    record Ready(SourceRow row, String batchCallId, Contact contact, List<RowWarning> warnings, int phoneColumn)
            implements RowVerdict {

        /** A contact whose number came from the only phone column, the first. */
        public Ready(SourceRow row, String batchCallId, Contact contact, List<RowWarning> warnings) {
            this(row, batchCallId, contact, warnings, 0);
        }
    }

    /** A row that will not be sent, and why. */
    record Rejected(SourceRow row, RejectReason reason, String detail) implements RowVerdict {
    }
}
