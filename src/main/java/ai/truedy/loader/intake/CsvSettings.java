package ai.truedy.loader.intake;

/**
 * How files are read: {@code loader.csv.charset} ({@code auto} or a charset name) and
 * {@code loader.csv.delimiter} ({@code auto}, tab or one character).
 */
public record CsvSettings(String charset, String delimiter) {
}
