package ai.truedy.loader.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the contact fields among a file's header cells. Names match whatever their case and
 * whether words are joined by spaces, {@code _}, {@code -} or {@code .}: "Phone Number",
 * "phone_number" and "PHONE-NUMBER" are one name. The first matching column wins.
 */
public record ColumnMap(int phone, int firstName, int lastName, int email, int batchCallId) {

    public static final int ABSENT = -1;

    /** Accepted header names per field, in their normalized form. */
    static final Map<String, Set<String>> ALIASES = aliases();

    private static Map<String, Set<String>> aliases() {
        Map<String, Set<String>> aliases = new LinkedHashMap<>();
        aliases.put("phone_number", Set.of("phonenumber", "phone", "mobile", "cell", "telephone", "tel"));
        aliases.put("first_name", Set.of("firstname", "givenname"));
        aliases.put("last_name", Set.of("lastname", "surname", "familyname"));
        aliases.put("email", Set.of("email", "emailaddress"));
        aliases.put("batch_call_id", Set.of("batchcallid"));
        return aliases;
    }

    /** Maps a header row; empty when it has no phone column. */
    public static Optional<ColumnMap> of(List<String> header) {
        List<String> names = header.stream().map(ColumnMap::normalize).toList();
        ColumnMap map = new ColumnMap(
                find(names, "phone_number"), find(names, "first_name"), find(names, "last_name"),
                find(names, "email"), find(names, "batch_call_id"));
        return map.phone == ABSENT ? Optional.empty() : Optional.of(map);
    }

    /** The header names a phone column may have, for error messages. */
    public static List<String> acceptedPhoneNames() {
        List<String> names = new ArrayList<>(ALIASES.get("phone_number"));
        names.sort(null);
        return names;
    }

    /** Lower case, without a byte order mark, quotes, surrounding spaces and word separators. */
    public static String normalize(String headerCell) {
        return headerCell.replace("\uFEFF", "")
                .replaceAll("[\\s_\\-.\"']", "")
                .toLowerCase(Locale.ROOT);
    }

    private static int find(List<String> names, String field) {
        Set<String> accepted = ALIASES.get(field);
        for (int i = 0; i < names.size(); i++) {
            if (accepted.contains(names.get(i))) {
                return i;
            }
        }
        return ABSENT;
    }
}
