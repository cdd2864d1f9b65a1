package ai.truedy.loader.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.truedy.loader.contacts.ColumnMap;
import ai.truedy.loader.contacts.ColumnMapping;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.intake.HeaderSearch;
import ai.truedy.loader.intake.IntakeFile;
import ai.truedy.loader.intake.RowSource;
import ai.truedy.loader.intake.UnreadableFileException;
import ai.truedy.loader.model.LogSafe;
import ai.truedy.loader.model.SourceRow;

/**
 * Which columns of a file hold what: the {@code loader.columns.*} mapping of the file's folder
 * ({@link FolderSettings}) over the loader's own, over recognition. A file with no phone column is
 * refused with what would load it: the columns whose values look like phone numbers, and the
 * setting line to add.
 */
final class FileColumns {

    private static final int SAMPLE_ROWS = 20;

    private final ColumnMapping loaderMapping;
    private final PhoneNormalizer phones;

    FileColumns(ColumnMapping loaderMapping, PhoneNormalizer phones) {
        this.loaderMapping = loaderMapping;
        this.phones = phones;
    }

    /**
     * A file's header is the first of its rows where a phone column can be named, by the table or by
     * the settings, and that holds no phone number: a data row is not a header.
     */
    HeaderSearch headerSearch(FolderSettings folder) {
        ColumnMapping mapping = folder.columns().over(loaderMapping);
        return new HeaderSearch(cells -> ColumnMap.of(cells, mapping).isPresent()
                && cells.stream().noneMatch(cell -> phones.normalize(cell).ok()));
    }

    /** @param folder the settings of the file's folder, whose column names win over the loader's */
    ColumnMap of(IntakeFile file, RowSource source, FolderSettings folder) throws UnreadableFileException {
        ColumnMapping mapping = folder.columns().over(loaderMapping);
        Optional<ColumnMap> columns = ColumnMap.of(source.header(), mapping);
        if (columns.isEmpty()) {
            throw new UnreadableFileException(noPhoneColumn(source, mapping, folder.where(file)));
        }
        return columns.get();
    }

    private String noPhoneColumn(RowSource source, ColumnMapping mapping, String folderFile) {
        List<String> header = source.header();
        boolean looksLikeData = header.stream().anyMatch(cell -> phones.normalize(cell).ok());
        StringBuilder why = new StringBuilder("no phone column: " + (looksLikeData
                ? "the first row, " + LogSafe.mask(String.valueOf(header)) + ", looks like data, not a header (a header names"
                        + " its columns, such as phone, first_name)"
                : "the header has " + LogSafe.mask(String.valueOf(header)))
                + ", and no row below it, up to row " + HeaderSearch.ROWS + ", names one either");
        if (!mapping.namesOf("phone").isEmpty()) {
            why.append("; loader.columns.phone names ").append(mapping.namesOf("phone")).append(", which it does not have");
        } else {
            why.append("; a phone column may be named, for example, any of ").append(ColumnMap.acceptedPhoneNames())
                    .append(" (docs/files.md lists every name the loader knows; case, accents, spaces and punctuation"
                            + " do not matter)");
        }
        List<String> phoneLike = phoneLikeColumns(source, header);
        if (!phoneLike.isEmpty()) {
            why.append("; the values of ").append(phoneLike).append(" look like phone numbers: to load this file, set \"")
                    .append(ColumnMapping.PREFIX).append("phone = ").append(String.join(", ", phoneLike))
                    .append("\" in application.properties, or in ").append(folderFile).append(" for the files there");
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
}
