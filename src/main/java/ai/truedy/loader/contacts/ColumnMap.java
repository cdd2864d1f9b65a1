package ai.truedy.loader.contacts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the contact fields among a file's header cells. Names match whatever their case and
 * whether words are joined by spaces, {@code _}, {@code -} or {@code .}: "Phone Number",
 * "phone_number" and "PHONE-NUMBER" are one name. The first matching column wins. A full name
 * column ({@code name}, {@code full_name}, {@code contact_name}) is used only when there are no
 * first and last name columns.
 */
public record ColumnMap(int phone, int firstName, int lastName, int fullName, int email, int batchCallId) {

    public static final int ABSENT = -1;

    /** Accepted header names per field, as ops would write them; matched in normalized form. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "phone_number", List.of("phone_number", "phone", "mobile", "cell", "telephone", "tel"),
            "first_name", List.of("first_name", "given_name"),
            "last_name", List.of("last_name", "surname", "family_name"),
            "full_name", List.of("name", "full_name", "contact_name"),
            "email", List.of("email", "e-mail", "email_address"),
            "batch_call_id", List.of("batch_call_id"));

    /** Maps a header row; empty when it has no phone column. */
    public static Optional<ColumnMap> of(List<String> header) {
        List<String> names = header.stream().map(ColumnMap::normalize).toList();
        ColumnMap map = new ColumnMap(
                find(names, "phone_number"), find(names, "first_name"), find(names, "last_name"),
                find(names, "full_name"), find(names, "email"), find(names, "batch_call_id"));
        return map.phone == ABSENT ? Optional.empty() : Optional.of(map);
    }

    /** The header names a phone column may have, for error messages. */
    public static List<String> acceptedPhoneNames() {
        return ALIASES.get("phone_number");
    }

    /** Lower case, without a byte order mark, quotes, surrounding spaces and word separators. */
    public static String normalize(String headerCell) {
        return headerCell.replace("\uFEFF", "")
                .replaceAll("[\\s_\\-.\"']", "")
                .toLowerCase(Locale.ROOT);
    }

    private static int find(List<String> names, String field) {
        Set<String> accepted = ALIASES.get(field).stream().map(ColumnMap::normalize).collect(Collectors.toSet());
        for (int i = 0; i < names.size(); i++) {
            if (accepted.contains(names.get(i))) {
                return i;
            }
        }
        return ABSENT;
    }
}
