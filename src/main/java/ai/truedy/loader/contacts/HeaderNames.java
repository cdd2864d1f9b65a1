package ai.truedy.loader.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header names the loader recognises, read from the table in {@code columns/header-names.txt}:
 * per field, the names CRMs, address books and people give it, in English and the major European
 * languages. Names are compared normalised: accents, case and all but letters and digits dropped.
 */
public final class HeaderNames {

    /** The fields of a contact a header can name; the three phone fields are in their order of preference. */
    public enum Field {
        MOBILE, PRIMARY_PHONE, PHONE, FIRST_NAME, LAST_NAME, FULL_NAME, EMAIL, BATCH_CALL_ID, TIME_ZONE, REGION;

        /** Whether it is one of the three phone fields. */
        public boolean isPhone() {
            return this == MOBILE || this == PRIMARY_PHONE || this == PHONE;
        }
    }

    static final String RESOURCE = "/columns/header-names.txt";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final HeaderNames TABLE = read();

    private final Map<String, Field> fields;
    private final Map<Field, List<String>> names;
    private final List<String> neverPhone;

    private HeaderNames(Map<String, Field> fields, Map<Field, List<String>> names, List<String> neverPhone) {
        this.fields = fields;
        this.names = names;
        this.neverPhone = neverPhone;
    }

    /** The field a header cell names, if any. */
    public static Optional<Field> fieldOf(String headerCell) {
        String name = normalize(headerCell);
        Field field = TABLE.fields.get(name);
        if (field != null && field.isPhone() && TABLE.neverPhone.stream().anyMatch(name::contains)) {
            return Optional.empty();
        }
        return Optional.ofNullable(field);
    }

    /** The names of a field as the table writes them, for messages and docs/files.md. */
    public static List<String> namesOf(Field field) {
        return TABLE.names.getOrDefault(field, List.of());
    }

    /** Without a byte order mark, accents, case and anything but letters and digits. */
    public static String normalize(String headerCell) {
        String decomposed = Normalizer.normalize(headerCell.replace("\uFEFF", ""), Normalizer.Form.NFD);
        return NOT_A_LETTER_OR_DIGIT.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static HeaderNames read() {
        Map<Field, List<String>> names = new LinkedHashMap<>();
        List<String> neverPhone = new ArrayList<>();
        try (InputStream in = HeaderNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the header table " + RESOURCE + " is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String values = line;
                if (!Character.isWhitespace(line.charAt(0))) {
                    int colon = line.indexOf(':');
                    String key = line.substring(0, colon).trim();
                    current = key.equals("never_phone") ? neverPhone
                            : names.computeIfAbsent(Field.valueOf(key.toUpperCase(Locale.ROOT)), f -> new ArrayList<>());
                    values = line.substring(colon + 1);
                }
                Arrays.stream(values.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(current::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header table " + RESOURCE, e);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        names.forEach((field, list) -> list.forEach(name -> fields.putIfAbsent(normalize(name), field)));
        return new HeaderNames(fields, names, neverPhone.stream().map(HeaderNames::normalize).toList());
    }
}
