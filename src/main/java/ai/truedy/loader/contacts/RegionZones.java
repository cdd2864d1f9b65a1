package ai.truedy.loader.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time zones of a US state or territory and of a Canadian province or territory, as a file's
 * state or province column names it: its code ({@code IN}, {@code US-IN}) or its name
 * ({@code Indiana}, {@code Québec}), in any case, with or without accents. The table is
 * {@value #RESOURCE}; a name it does not hold gives no zones.
 */
public final class RegionZones {

    static final String RESOURCE = "/zones/regions.txt";
    private static final Map<String, List<String>> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, List<String>> BY_NAME = read();

    private RegionZones() {
    }

    /** The zones of the region a cell names; none when the table does not know it. */
    public static List<String> of(String cell) {
        return cell == null ? List.of() : BY_NAME.getOrDefault(HeaderNames.normalize(cell), List.of());
    }

    /** Every region of the table by its code ({@code US-IN}), with its zones. */
    static Map<String, List<String>> byCode() {
        return Map.copyOf(BY_CODE);
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> byName = new HashMap<>();
        try (InputStream in = RegionZones.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the region table " + RESOURCE + " is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                String code = parts[0].strip();
                List<String> zones = list(parts[2]);
                BY_CODE.put(code, zones);
                byName.put(HeaderNames.normalize(code), zones);
                list(parts[1]).forEach(name -> byName.put(HeaderNames.normalize(name), zones));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the region table " + RESOURCE, e);
        }
        return byName;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
