package ai.truedy.loader.contacts;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.truedy.loader.model.Contact;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowVerdict.Rejected;
import ai.truedy.loader.model.RowWarning;
import ai.truedy.loader.model.RowWarning.Reason;
import ai.truedy.loader.model.SourceRow;

/**
 * Turns the rows of one file into contacts: reads the mapped columns, normalizes the phone number,
 * refuses a number on a do-not-call list, settles the batch call id (by the contact's time zones
 * when {@code loader.by-zone.*} routes them), refuses a second row for the
 * same number and batch call, and a number the batch call already has. Names are
 * trimmed with whitespace collapsed; an email that is not an address is left out with a warning.
 * One instance per file, used by one thread.
 */
public final class ContactRows implements Closeable {

    /** How a cell with several numbers separates them: Google Contacts' " ::: ", or ";", "/", " or ". */
    private static final Pattern SEVERAL_NUMBERS = Pattern.compile("\\s*:::\\s*|;|/|\\s+or\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>()\\[\\]\"]+@[^@\\s,;<>()\\[\\]\"]+\\.[\\p{L}\\p{N}-]{2,}$");

    /** The longest name or email sent. */
    public static final int MAX_FIELD = 1000;
    /** The fields {@link #MAX_FIELD} applies to, as {@link #limitedColumns} finds them in the file. */
    private static final String[] LIMITED_FIELDS = {"first_name", "last_name", "name", "email"};

    private final ColumnMap columns;
    private final int[] limitedColumns;
    private final PhoneNormalizer phones;
    private final String fallbackBatchCallId;
    private final FirstRows firstRows;
    private final DoNotCall doNotCall;
    private final SentBefore sentBefore;
    private final ZoneRoutes zoneRoutes;

    /**
     * @param fallbackBatchCallId the id for rows without a batch_call_id value: the inbox
     *                            sub-folder's name, else the configured default; empty for none
     * @param scratchFolder       where the numbers seen so far are kept while the file is loaded
     */
    public ContactRows(ColumnMap columns, PhoneNormalizer phones, String fallbackBatchCallId, Path scratchFolder) {
        this(columns, phones, fallbackBatchCallId, scratchFolder, DoNotCall.NONE, SentBefore.NONE);
    }

    /**
     * @param doNotCall  the lists a number must not be on ({@code loader.dnc.dir})
     * @param sentBefore the numbers each batch call already has ({@code loader.sent-memory})
     */
    public ContactRows(ColumnMap columns, PhoneNormalizer phones, String fallbackBatchCallId, Path scratchFolder,
                       DoNotCall doNotCall, SentBefore sentBefore) {
        this(columns, phones, fallbackBatchCallId, scratchFolder, doNotCall, sentBefore, ZoneRouting.NONE);
    }

    /** @param routing {@code loader.by-zone.*}: the batch call by the contact's time zones, instead of the file's */
    public ContactRows(ColumnMap columns, PhoneNormalizer phones, String fallbackBatchCallId, Path scratchFolder,
                       DoNotCall doNotCall, SentBefore sentBefore, ZoneRouting routing) {
        this.zoneRoutes = new ZoneRoutes(routing, columns);
        this.doNotCall = doNotCall;
        this.sentBefore = sentBefore;
        this.firstRows = new FirstRows(scratchFolder);
        this.columns = columns;
        this.limitedColumns = new int[] {columns.firstName(), columns.lastName(), columns.fullName(), columns.email()};
        this.phones = phones;
        this.fallbackBatchCallId = fallbackBatchCallId;
    }

    /** For the few contacts of one message: the numbers seen are kept on the heap, with no scratch file. */
    public static ContactRows inMemory(ColumnMap columns, PhoneNormalizer phones, String fallbackBatchCallId) {
        return new ContactRows(columns, phones, fallbackBatchCallId, null);
    }

    /** About how many rows the file holds, from its first ones: the duplicate check sizes itself once. */
    public void expectRows(long rows) {
        firstRows.expect(rows);
    }

    public RowVerdict read(SourceRow row) {
        String tooLong = tooLong(row);
        if (tooLong != null) {
            return new Rejected(row, RejectReason.FIELD_TOO_LONG, tooLong);
        }
        PhoneCell phone = phone(row);
        if (phone == null) {
            return new Rejected(row, RejectReason.MISSING_PHONE, "no phone number in column "
                    + String.join(" or ", columns.phones().stream().map(column -> String.valueOf(column + 1)).toList()));
        }
        if (!phone.number().ok()) {
            return new Rejected(row, RejectReason.INVALID_PHONE, "phone number " + phone.number().problem()
                    + (columns.phones().size() > 1 ? " (column " + (phone.column() + 1) + ")" : ""));
        }
        String list = doNotCall.listedIn(phone.number().e164());
        if (list != null) {
            return new Rejected(row, RejectReason.DO_NOT_CALL, "the number is on the do-not-call list " + list);
        }
        String batchCallId;
        if (zoneRoutes.isOn()) {
            ZoneRouting.Route route = zoneRoutes.route(row, phone.number().e164());
            if (route.batchCallId() == null) {
                return new Rejected(row, RejectReason.TIME_ZONE_NOT_ROUTED, route.problem());
            }
            batchCallId = route.batchCallId();
        } else {
            batchCallId = batchCallId(row);
        }
        if (batchCallId == null) {
            return new Rejected(row, RejectReason.NO_BATCH_CALL_ID,
                    "no batch_call_id column value, inbox sub-folder or truedy.batch-call-id");
        }
        long first = firstRows.putIfAbsent(batchCallId, phone.number().e164(), row.number());
        if (first != 0) {
            return new Rejected(row, RejectReason.DUPLICATE_IN_FILE, "same number as row " + first);
        }
        String sent = sentBefore.sentBefore(batchCallId, phone.number().e164());
        if (sent != null) {
            return new Rejected(row, RejectReason.ALREADY_SENT, "Truedy accepted this number for " + batchCallId + " "
                    + sent + "; it is not sent again (loader.sent-memory)");
        }
        List<RowWarning> warnings = new ArrayList<>(0);
        if (phone.number().droppedExtension() != null) {
            warnings.add(new RowWarning(Reason.EXTENSION_DROPPED,
                    "extension " + phone.number().droppedExtension() + " dropped: the API takes no extensions"));
        }
        String email = cell(row, columns.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            warnings.add(new RowWarning(Reason.INVALID_EMAIL, "email is not an address; the contact was sent without it"));
            email = null;
        }
        PersonName name = name(row);
        return new Ready(row, batchCallId, new Contact(phone.number().e164(), name.first(), name.last(), email), warnings,
                phone.column());
    }

    /**
     * The row's phone number: the first of its phone columns, in their order, that holds one that
     * normalizes. A cell with several numbers ("a ::: b", "a; b", "a / b", "a or b") gives its first
     * that normalizes. When none does, the first non-empty cell's problem; null when all are empty.
     */
    private PhoneCell phone(SourceRow row) {
        PhoneCell firstProblem = null;
        for (int column : columns.phones()) {
            String raw = cell(row, column);
            if (raw == null) {
                continue;
            }
            PhoneNormalizer.Result whole = phones.normalize(raw);
            if (whole.ok()) {
                return new PhoneCell(column, whole);
            }
            for (String part : SEVERAL_NUMBERS.split(raw)) {
                PhoneNormalizer.Result one = part.isBlank() ? null : phones.normalize(part.trim());
                if (one != null && one.ok()) {
                    return new PhoneCell(column, one);
                }
            }
            if (firstProblem == null) {
                firstProblem = new PhoneCell(column, whole);
            }
        }
        return firstProblem;
    }

    private record PhoneCell(int column, PhoneNormalizer.Result number) {
    }

    /** A name or email over {@value #MAX_FIELD} characters is never sent: which column, or null. */
    private String tooLong(SourceRow row) {
        for (int i = 0; i < LIMITED_FIELDS.length; i++) {
            int length = limitedColumns[i] == ColumnMap.ABSENT ? 0 : row.value(limitedColumns[i]).length();
            if (length > MAX_FIELD) {
                return "the " + LIMITED_FIELDS[i] + " column (column " + (limitedColumns[i] + 1) + ") holds " + length
                        + " characters; at most " + MAX_FIELD + " are sent";
            }
        }
        return null;
    }

    /** The first and last name; the full name split when a row has neither (a card with only FN). */
    private PersonName name(SourceRow row) {
        String first = cell(row, columns.firstName());
        String last = cell(row, columns.lastName());
        if (first == null && last == null) {
            String fullName = cell(row, columns.fullName());
            return fullName == null ? new PersonName(null, null) : PersonName.of(fullName);
        }
        return new PersonName(first, last);
    }

    /** Whether each contact goes to a batch call by its time zones ({@code loader.by-zone.*}). */
    public boolean routesByZone() {
        return zoneRoutes.isOn();
    }

    /** The contacts routed to each batch call by zone so far; null when contacts are not routed by zone. */
    public Map<String, RoutedContacts.Routed> routed() {
        return zoneRoutes.byBatchCall();
    }

    /** Lets go of the numbers seen (their scratch file is deleted). */
    @Override
    public void close() {
        firstRows.close();
    }

    private String batchCallId(SourceRow row) {
        String own = cell(row, columns.batchCallId());
        if (own != null) {
            return own;
        }
        return fallbackBatchCallId.isEmpty() ? null : fallbackBatchCallId;
    }

    /** A cell cleaned, or null when the column is absent or the cell blank. */
    static String cell(SourceRow row, int column) {
        return column == ColumnMap.ABSENT ? null : Texts.orNull(row.value(column));
    }
}
