package ai.truedy.loader.intake;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of one CSV file with Commons CSV (RFC 4180 quoting, blank lines skipped).
 * The first record is the header. Rows are read one at a time, so memory does not grow with the file.
 */
public final class CsvSource implements Closeable {

    private static final int SNIFF_BYTES = 8192;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private boolean ended;

    private CsvSource(CSVParser parser) throws UnreadableFileException {
        this.parser = parser;
        this.records = parser.iterator();
        this.header = readHeader();
    }

    /** Opens a file and reads its header; refuses files that are not text or have no header. */
    public static CsvSource open(Path file) throws IOException, UnreadableFileException {
        refuseBinary(file);
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
        skipByteOrderMark(reader);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        try {
            return new CsvSource(parser);
        } catch (UnreadableFileException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    public List<String> header() {
        return header;
    }

    /**
     * The next data row, or null at the end of the file.
     *
     * @throws MalformedRowException when the rest of the file cannot be parsed (an unclosed quote);
     *                               the source then counts as ended
     */
    public SourceRow nextRow() {
        if (ended) {
            return null;
        }
        try {
            if (!records.hasNext()) {
                ended = true;
                return null;
            }
            CSVRecord record = records.next();
            return new SourceRow(record.getRecordNumber() - 1, record.values());
        } catch (UncheckedIOException | IllegalStateException e) {
            ended = true;
            throw new MalformedRowException(parser.getRecordNumber(), rootMessage(e));
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private List<String> readHeader() throws UnreadableFileException {
        try {
            if (!records.hasNext()) {
                throw new UnreadableFileException("the file is empty: no header row");
            }
            return records.next().toList();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("the header row cannot be parsed: " + rootMessage(e));
        }
    }

    private static void refuseBinary(Path file) throws IOException, UnreadableFileException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    throw new UnreadableFileException("not a text file: it contains NUL bytes");
                }
            }
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
