package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.truedy.loader.model.SourceRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of one CSV file with Commons CSV: RFC 4180 quoting (delimiters, doubled quotes
 * and line breaks inside quotes), LF, CR LF or CR line ends, blank lines skipped. The first record
 * is the header. A row the parser cannot read is reported with its raw text, and reading goes on
 * from the next line. Rows are read one at a time, so memory does not grow with the file. The
 * header is the first record {@link HeaderSearch} accepts; the records above it are skipped.
 */
public final class CsvSource implements RowSource {

    private final RecordingReader text;
    private final CSVFormat format;
    private final List<String> header;
    private long rowsAboveHeader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lineOffset;
    private long rows;
    private long charsOfRows;
    private boolean ended;
    private SourceRow lastRow;
    private final GrowingFileInput bytes;

    private CsvSource(RecordingReader text, CSVFormat format, GrowingFileInput bytes, HeaderSearch search)
            throws UnreadableFileException, HeaderSearch.NotFound {
        this.text = text;
        this.format = format;
        this.bytes = bytes;
        startParser();
        this.header = readHeader(search);
    }

    /**
     * Opens a file and reads its header; refuses files that are not text or have no header.
     *
     * @param charset   the {@code loader.csv.charset} setting: {@code auto} or a charset name
     * @param delimiter the {@code loader.csv.delimiter} setting, as {@link CsvDialect#parseSetting} reads it
     * @param settling  how the end of a file that may still be being written is waited for
     * @param search    which of the first records is the header
     */
    public static CsvSource open(Path file, String charset, String delimiter, Settling settling, HeaderSearch search)
            throws IOException, UnreadableFileException, HeaderSearch.NotFound {
        TextEncoding encoding = TextEncoding.of(file, charset);
        GrowingFileInput bytes = new GrowingFileInput(file, settling.settleTimeOf(file), settling.stopping());
        RecordingReader text = new RecordingReader(encoding.reader(bytes));
        try {
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(CsvDialect.delimiter(text, delimiter, search))
                    .setIgnoreEmptyLines(true)
                    .get();
            return new CsvSource(text, format, bytes, search);
        } catch (IOException | UnreadableFileException | HeaderSearch.NotFound | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long rowsAboveHeader() {
        return rowsAboveHeader;
    }

    /**
     * The next data row, or null at the end of the file. Rows are numbered by their record in the
     * file, from 1 after a header in the first; blank lines do not count.
     *
     * @throws MalformedRowException for a row the parser cannot read; the next call goes on after it
     */
    @Override
    public SourceRow nextRow() {
        try {
            if (!records.hasNext()) {
                ended = true;
                return null;
            }
            CSVRecord record = records.next();
            text.forgetLinesBefore(lineOffset + parser.getCurrentLineNumber());
            String[] values = record.values();
            charsOfRows += values.length; // a delimiter after each value but the last, and the line break
            for (String value : values) {
                charsOfRows += value.length();
            }
            lastRow = new SourceRow(++rows, unescaped(values));
            return lastRow;
        } catch (UncheckedIOException | IllegalStateException e) {
            lastRow = null;
            if (e.getCause() instanceof RecordingReader.RowTooLongException) {
                return skipOverlongRow();
            }
            String raw = text.takeFailedLine();
            startParser();
            if (raw == null) {
                return null;
            }
            throw new MalformedRowException(++rows, raw, rootMessage(e));
        }
    }

    private SourceRow skipOverlongRow() {
        try {
            int column = text.skipOverlongRow(format.getDelimiterString().charAt(0));
            startParser();
            throw new OverlongRowException(++rows, column, RecordingReader.MAX_ROW_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last row read, when it was read whole (not a malformed row); null before the first. */
    @Override
    public SourceRow lastRow() {
        return lastRow;
    }

    /**
     * How much of the file has been read, from 0 to 1: as far as the rows handed out reach, about
     * (their text, against the file's size), since the reader reads ahead of them by a buffer or,
     * for a small file, to its end.
     */
    @Override
    public double fractionRead() {
        if (ended) {
            return 1.0;
        }
        return Math.min(bytes.fractionRead(), (double) charsOfRows / Math.max(1, bytes.sizeAtOpen()));
    }

    /** What was read of the file, once every row has been: for the journal and the settle watch. */
    @Override
    public ReadContent content() {
        return bytes.content();
    }

    /**
     * How the end of a file is waited for.
     *
     * @param settleTime {@code loader.settle-time}: how long a file must be unchanged before its end is its end
     * @param stopping   whether the loader is stopping (a complete line then ends the file early)
     * @param whole      the files the loader moved into the inbox whole: their end is not waited for
     */
    public record Settling(Duration settleTime, BooleanSupplier stopping, WholeFiles whole) {

        /** How long this file must be unchanged before its end is its end. */
        Duration settleTimeOf(Path file) {
            return whole.isWhole(file) ? Duration.ZERO : settleTime;
        }
    }

    @Override
    public void close() throws IOException {
        text.close();
    }

    /** A parser over the text from the current line on; after a failure the old one is dropped. */
    private void startParser() {
        try {
            lineOffset = text.line();
            parser = CSVParser.builder().setReader(text).setFormat(format).get();
            records = parser.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first record the search accepts ({@link HeaderSearch}); the records above it are skipped. */
    private List<String> readHeader(HeaderSearch search) throws UnreadableFileException, HeaderSearch.NotFound {
        HeaderSearch.Found header = search.find(() -> recordAbove(search));
        if (header == null) {
            throw search.notFound("the file is empty: no header row");
        }
        rowsAboveHeader = header.rowsAbove();
        rows = header.rowsAbove();
        return header.cells();
    }

    /**
     * The next record while the header is looked for; null at the end of the file. One that cannot
     * be parsed is read past and counted as a row with no cells, which is never the header.
     */
    private String[] recordAbove(HeaderSearch search) throws UnreadableFileException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            String[] cells = unescaped(records.next().values());
            text.forgetLinesBefore(lineOffset + parser.getCurrentLineNumber());
            return cells;
        } catch (UncheckedIOException | IllegalStateException e) {
            if (search == HeaderSearch.FIRST_ROW) {
                throw new UnreadableFileException("the header row cannot be parsed: " + rootMessage(e));
            }
            skipUnparsable(e);
            return new String[0];
        }
    }

    /** Reads past a record above the header that cannot be parsed. */
    private void skipUnparsable(RuntimeException e) {
        try {
            if (e.getCause() instanceof RecordingReader.RowTooLongException) {
                text.skipOverlongRow(format.getDelimiterString().charAt(0));
            } else {
                text.takeFailedLine();
            }
            startParser();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static String[] unescaped(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = SpreadsheetCells.unescape(cells[i]);
        }
        return cells;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
