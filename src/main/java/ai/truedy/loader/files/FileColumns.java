package ai.truedy.loader.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import ai.truedy.loader.contacts.ColumnMap;
import ai.truedy.loader.contacts.ColumnMapping;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.intake.UnreadableFileException;
import ai.truedy.loader.model.SourceRow;

/**
 * Which columns of a file hold what: the {@code loader.columns.*} mapping of the file's folder
 * ({@value #FOLDER_FILE} beside it) over the loader's own, over recognition. A file with no phone
 * column is refused with what would load it: the columns whose values look like phone numbers,
 * and the setting line to add.
 */
final class FileColumns {

    /** A folder's own mapping: the same lines as in application.properties. */
    static final String FOLDER_FILE = ".columns.properties";
    private static final int SAMPLE_ROWS = 20;

    private final ColumnMapping loaderMapping;
    private final PhoneNormalizer phones;

    FileColumns(ColumnMapping loaderMapping, PhoneNormalizer phones) {
        this.loaderMapping = loaderMapping;
        this.phones = phones;
    }

    ColumnMap of(IntakeFile file, RowSource source) throws IOException, UnreadableFileException {
        ColumnMapping mapping = folderMapping(file).over(loaderMapping);
        Optional<ColumnMap> columns = ColumnMap.of(source.header(), mapping);
        if (columns.isEmpty()) {
            throw new UnreadableFileException(noPhoneColumn(file, source, mapping));
        }
        return columns.get();
    }

    private ColumnMapping folderMapping(IntakeFile file) throws IOException, UnreadableFileException {
        Path settings = file.path().resolveSibling(FOLDER_FILE);
        if (!Files.isRegularFile(settings)) {
            return ColumnMapping.NONE;
        }
        Properties lines = new Properties();
        try (Reader in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            lines.load(in);
        }
        for (String name : lines.stringPropertyNames()) {
            String key = name.startsWith(ColumnMapping.PREFIX) ? name.substring(ColumnMapping.PREFIX.length()) : name;
            if (!ColumnMapping.KEYS.contains(key)) {
                throw new UnreadableFileException(where(file) + " has an unknown setting '" + name + "'; it may set "
                        + ColumnMapping.KEYS.stream().map(k -> ColumnMapping.PREFIX + k).toList());
            }
        }
        return ColumnMapping.of(name -> Optional.ofNullable(lines.getProperty(name))
                .or(() -> Optional.ofNullable(lines.getProperty(name.substring(ColumnMapping.PREFIX.length())))));
    }

    private String noPhoneColumn(IntakeFile file, RowSource source, ColumnMapping mapping) {
        List<String> header = source.header();
        StringBuilder why = new StringBuilder("no phone column: the header has " + header);
        if (!mapping.namesOf("phone").isEmpty()) {
            why.append("; loader.columns.phone names ").append(mapping.namesOf("phone")).append(", which it does not have");
        } else {
            why.append("; a phone column may be named, for example, any of ").append(ColumnMap.acceptedPhoneNames())
                    .append(" (the README lists every name the loader knows; case, accents, spaces and punctuation"
                            + " do not matter)");
        }
        List<String> phoneLike = phoneLikeColumns(source, header);
        if (!phoneLike.isEmpty()) {
            why.append("; the values of ").append(phoneLike).append(" look like phone numbers: to load this file, set \"")
                    .append(ColumnMapping.PREFIX).append("phone = ").append(String.join(", ", phoneLike))
                    .append("\" in application.properties, or in ").append(where(file)).append(" for the files there");
        }
        return why.toString();
    }

    /** The columns whose values, in the first rows, mostly normalize as phone numbers; best first. */
    private List<String> phoneLikeColumns(RowSource source, List<String> header) {
        int[] numbers = new int[header.size()];
        int[] filled = new int[header.size()];
        try {
            SourceRow row;
            for (int read = 0; read < SAMPLE_ROWS && (row = source.nextRow()) != null; read++) {
                for (int column = 0; column < header.size(); column++) {
                    String value = row.value(column).strip();
                    if (!value.isEmpty()) {
                        filled[column]++;
                        numbers[column] += phones.normalize(value).ok() ? 1 : 0;
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // a suggestion from the rows read so far
        }
        List<Integer> columns = new ArrayList<>();
        for (int column = 0; column < header.size(); column++) {
            if (numbers[column] > 0 && numbers[column] * 2 >= filled[column]) {
                columns.add(column);
            }
        }
        columns.sort((a, b) -> Integer.compare(numbers[b], numbers[a]));
        return columns.stream().map(column -> header.get(column).strip()).toList();
    }

    private static String where(IntakeFile file) {
        int slash = file.relativePath().lastIndexOf('/');
        return "the inbox's " + (slash < 0 ? "" : file.relativePath().substring(0, slash + 1)) + FOLDER_FILE;
    }
}
