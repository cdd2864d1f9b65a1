package ai.truedy.loader.contacts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The header names ops give for a field, in priority order ({@code loader.columns.phone = Tel,
 * Handynummer}), which win over recognition for that field. Set in application.properties for
 * every file, or in an inbox sub-folder's {@code .columns.properties} for the files in it.
 *
 * @param names header names by setting key ({@code phone}, {@code first-name}, ...); a key without names is not set
 */
public record ColumnMapping(Map<String, List<String>> names) {

    /** The setting prefix; the keys follow it. */
    public static final String PREFIX = "loader.columns.";
    /** The fields a mapping can name. */
    public static final List<String> KEYS = List.of("phone", "first-name", "last-name", "name", "email", "batch-call-id",
            "time-zone", "state");
    public static final ColumnMapping NONE = new ColumnMapping(Map.of());

    public ColumnMapping {
        names = Map.copyOf(names);
    }

    /**
     * The mapping in a set of settings: each {@code loader.columns.<key>} that holds names.
     *
     * @param properties a setting by its full name
     */
    public static ColumnMapping of(Function<String, Optional<String>> properties) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String key : KEYS) {
            List<String> list = properties.apply(PREFIX + key).map(ColumnMapping::list).orElse(List.of());
            if (!list.isEmpty()) {
                names.put(key, list);
            }
        }
        return new ColumnMapping(names);
    }

    /** This mapping where it names a field, else {@code base}'s. */
    public ColumnMapping over(ColumnMapping base) {
        Map<String, List<String>> merged = new LinkedHashMap<>(base.names);
        merged.putAll(names);
        return new ColumnMapping(merged);
    }

    /** The names given for a field, empty when it is left to recognition. */
    public List<String> namesOf(String key) {
        return names.getOrDefault(key, List.of());
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
