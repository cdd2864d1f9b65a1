package ai.truedy.loader.model;

import java.util.Locale;

/** Why a row was not accepted. The codes are a contract with ops: they appear in rejected.csv and reports. */
public enum RejectReason {
    MISSING_PHONE,
    INVALID_PHONE,
    DUPLICATE_IN_FILE,
    NO_BATCH_CALL_ID,
    MALFORMED_ROW,
    FIELD_TOO_LONG,
    READ_WHILE_WRITTEN,
    API_REJECTED,
    BATCH_CALL_NOT_FOUND,
    API_VALIDATION,
    RETRY_EXHAUSTED,
    DO_NOT_CALL,
    ALREADY_SENT,
    TIME_ZONE_NOT_ROUTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
