package ai.truedy.loader.contacts;

import java.util.HashMap;
import java.util.Map;

import ai.truedy.loader.contacts.RowVerdict.Ready;
import ai.truedy.loader.contacts.RowVerdict.Rejected;
import ai.truedy.loader.intake.SourceRow;

/**
 * Turns the rows of one file into contacts: reads the mapped columns, normalizes the phone number,
 * settles the batch call id and refuses a second row for the same number and batch call.
 * One instance per file, used by one thread.
 */
public final class ContactRows {

    private final ColumnMap columns;
    private final PhoneNormalizer phones;
    private final String fallbackBatchCallId;
    private final Map<String, Long> firstRowByNumber = new HashMap<>();

    /**
     * @param fallbackBatchCallId the id for rows without a batch_call_id value: the inbox
     *                            sub-folder's name, else the configured default; empty for none
     */
    public ContactRows(ColumnMap columns, PhoneNormalizer phones, String fallbackBatchCallId) {
        this.columns = columns;
        this.phones = phones;
        this.fallbackBatchCallId = fallbackBatchCallId;
    }

    public RowVerdict read(SourceRow row) {
        String rawPhone = text(row, columns.phone());
        if (rawPhone == null) {
            return new Rejected(row, RejectReason.MISSING_PHONE, "no phone number in column " + (columns.phone() + 1));
        }
        PhoneNormalizer.Result phone = phones.normalize(rawPhone);
        if (!phone.ok()) {
            return new Rejected(row, RejectReason.INVALID_PHONE, "phone number " + phone.problem());
        }
        String batchCallId = batchCallId(row);
        if (batchCallId == null) {
            return new Rejected(row, RejectReason.NO_BATCH_CALL_ID,
                    "no batch_call_id column value, inbox sub-folder or truedy.batch-call-id");
        }
        Long first = firstRowByNumber.putIfAbsent(batchCallId + '\n' + phone.e164(), row.number());
        if (first != null) {
            return new Rejected(row, RejectReason.DUPLICATE_IN_FILE, "same number as row " + first);
        }
        Contact contact = new Contact(phone.e164(),
                text(row, columns.firstName()), text(row, columns.lastName()), text(row, columns.email()));
        return new Ready(row, batchCallId, contact);
    }

    private String batchCallId(SourceRow row) {
        String own = text(row, columns.batchCallId());
        if (own != null) {
            return own;
        }
        return fallbackBatchCallId.isEmpty() ? null : fallbackBatchCallId;
    }

    /** A cell trimmed, or null when the column is absent or the cell blank. */
    private static String text(SourceRow row, int column) {
        if (column == ColumnMap.ABSENT) {
            return null;
        }
        String value = row.value(column).strip();
        return value.isEmpty() ? null : value;
    }
}
