package ai.truedy.loader.model;

import java.util.Locale;

/**
 * Something about a row that was sent anyway, listed in {@code error/<name>.warnings.csv}.
 *
 * @param reason what was off
 * @param detail human text
 */
public record RowWarning(Reason reason, String detail) {

    /** The codes are a contract with ops, like {@link RejectReason}'s. */
    public enum Reason {
        /** The email is not an address: the contact was sent without it. */
        INVALID_EMAIL,
        /** The phone number had an extension, which the API cannot take: it was dropped. */
        EXTENSION_DROPPED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
