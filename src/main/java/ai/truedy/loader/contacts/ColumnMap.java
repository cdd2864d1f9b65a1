package ai.truedy.loader.contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.truedy.loader.contacts.HeaderNames.Field;

/**
 * Finds the contact fields among a file's header cells, by the names in {@link HeaderNames}'s
 * table. A file may have several phone columns: {@link #phones()} lists them in the order a row
 * tries them (mobile, then primary, then the others, each in header order). For the other fields
 * the first matching column wins. A full name column is used only when there are no first and
 * last name columns.
 *
 * @param phones   the phone columns, in the order a row tries them; never empty
 * @param timeZone the column with the contact's IANA time zone, for routing by zone
 * @param region   the column with the contact's US state or Canadian province, for routing by zone
 */
public record ColumnMap(List<Integer> phones, int firstName, int lastName, int fullName, int email, int batchCallId,
                        int timeZone, int region) {

    public static final int ABSENT = -1;

    public ColumnMap {
        phones = List.copyOf(phones);
    }

    /** A map without the address columns. */
    public ColumnMap(List<Integer> phones, int firstName, int lastName, int fullName, int email, int batchCallId) {
        this(phones, firstName, lastName, fullName, email, batchCallId, ABSENT, ABSENT);
    }

    /** A map with one phone column. */
    public ColumnMap(int phone, int firstName, int lastName, int fullName, int email, int batchCallId) {
        this(List.of(phone), firstName, lastName, fullName, email, batchCallId);
    }

    /** Maps a header row by recognition alone; empty when it has no phone column. */
    public static Optional<ColumnMap> of(List<String> header) {
        return of(header, ColumnMapping.NONE);
    }

    /**
     * Maps a header row; a field the mapping names takes the columns it names, in its order (for
     * the phone, every one of them that the header has), instead of the ones recognised. Empty when
     * there is no phone column.
     */
    public static Optional<ColumnMap> of(List<String> header, ColumnMapping mapping) {
        Optional<ColumnMap> recognised = recognise(header);
        List<Integer> phones = mapped(header, mapping.namesOf("phone"));
        if (!mapping.namesOf("phone").isEmpty() && phones.isEmpty()) {
            return Optional.empty();
        }
        ColumnMap base = recognised.orElse(new ColumnMap(List.of(ABSENT), ABSENT, ABSENT, ABSENT, ABSENT, ABSENT));
        ColumnMap map = new ColumnMap(phones.isEmpty() ? base.phones() : phones,
                pick(header, mapping, "first-name", base.firstName()), pick(header, mapping, "last-name", base.lastName()),
                pick(header, mapping, "name", base.fullName()), pick(header, mapping, "email", base.email()),
                pick(header, mapping, "batch-call-id", base.batchCallId()), pick(header, mapping, "time-zone", base.timeZone()),
                pick(header, mapping, "state", base.region()));
        return map.phone() == ABSENT ? Optional.empty() : Optional.of(map);
    }

    /** The columns a mapping names that the header has, in the mapping's order. */
    private static List<Integer> mapped(List<String> header, List<String> names) {
        List<String> normalized = header.stream().map(HeaderNames::normalize).toList();
        return names.stream().map(name -> normalized.indexOf(HeaderNames.normalize(name)))
                .filter(column -> column >= 0).distinct().toList();
    }

    private static int pick(List<String> header, ColumnMapping mapping, String key, int recognised) {
        List<String> names = mapping.namesOf(key);
        if (names.isEmpty()) {
            return recognised;
        }
        return mapped(header, names).stream().findFirst().orElse(ABSENT);
    }

    private static Optional<ColumnMap> recognise(List<String> header) {
        Map<Field, Integer> first = new EnumMap<>(Field.class);
        List<int[]> phones = new ArrayList<>(); // {rank, column}
        for (int i = 0; i < header.size(); i++) {
            Optional<Field> field = HeaderNames.fieldOf(header.get(i));
            if (field.isEmpty()) {
                continue;
            }
            switch (field.get()) {
                case MOBILE, PRIMARY_PHONE, PHONE -> phones.add(new int[] {field.get().ordinal(), i});
                default -> first.putIfAbsent(field.get(), i);
            }
        }
        if (phones.isEmpty()) {
            return Optional.empty();
        }
        phones.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        return Optional.of(new ColumnMap(phones.stream().map(p -> p[1]).toList(), column(first, Field.FIRST_NAME),
                column(first, Field.LAST_NAME), column(first, Field.FULL_NAME), column(first, Field.EMAIL),
                column(first, Field.BATCH_CALL_ID), column(first, Field.TIME_ZONE), column(first, Field.REGION)));
    }

    /** The phone column tried first. */
    public int phone() {
        return phones.get(0);
    }

    /** Some of the header names a phone column may have, for error messages. */
    public static List<String> acceptedPhoneNames() {
        List<String> some = new ArrayList<>(HeaderNames.namesOf(Field.PHONE).stream().limit(5).toList());
        some.addAll(HeaderNames.namesOf(Field.MOBILE).stream().limit(4).toList());
        some.addAll(HeaderNames.namesOf(Field.PRIMARY_PHONE).stream().limit(2).toList());
        return some;
    }

    private static int column(Map<Field, Integer> first, Field field) {
        return first.getOrDefault(field, ABSENT);
    }
}
