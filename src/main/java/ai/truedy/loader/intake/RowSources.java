package ai.truedy.loader.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens an input file with the reader for its format, chosen by its extension. The inbox takes
 * the extensions named in {@code loader.extensions}; each must have a reader here.
 */
public final class RowSources {

    /** The formats there is a reader for, by extension. */
    public static final List<String> READABLE = List.of("csv", "tsv", "xlsx", "xls", "vcf");

    private interface Reader {
        RowSource open(Path file, HeaderSearch header) throws IOException, UnreadableFileException, HeaderSearch.NotFound;
    }

    private final Map<String, Reader> readers;

    /** @param settling how the end of a file that may still be being written is waited for */
    public RowSources(CsvSettings csv, CsvSource.Settling settling) {
        this.readers = Map.of(
                "csv", (file, header) -> CsvSource.open(file, csv.charset(), csv.delimiter(), settling, header),
                "tsv", (file, header) -> CsvSource.open(file, csv.charset(), "\t", settling, header),
                "xlsx", (file, header) -> WorkbookFiles.open(file, settling, header),
                "xls", (file, header) -> WorkbookFiles.open(file, settling, header),
                "vcf", (file, header) -> VcfSource.open(file, settling));
    }

    /** The extensions of {@code loader.extensions} there is no reader for. */
    public static List<String> unreadable(List<String> extensions) {
        return extensions.stream().filter(extension -> !READABLE.contains(extension.toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * Opens the file and finds its header. A file with no row the search accepts is read with its
     * first row as the header, so that the reason it cannot be loaded can name what it has.
     */
    public RowSource open(Path file, HeaderSearch header) throws IOException, UnreadableFileException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Reader reader = readers.get(extension);
        if (reader == null) {
            throw new UnreadableFileException("no reader for ." + extension + " files; the loader reads "
                    + String.join(", ", READABLE));
        }
        try {
            return reader.open(file, header);
        } catch (HeaderSearch.NotFound none) {
            try {
                return reader.open(file, HeaderSearch.FIRST_ROW);
            } catch (HeaderSearch.NotFound impossible) {
                throw new IllegalStateException("the first row is always a header", impossible);
            }
        }
    }
}
