package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Sits between the file and the CSV parser and keeps the text of the lines the parser has not
 * finished yet, so that when the parser gives up on a record the loader can report its raw text
 * and carry on from the next line. Lines end with LF, CR LF or CR, as the parser counts them.
 */
final class RecordingReader extends Reader {

    private static final int COMPACT_AT = 1 << 16;
    /** The longest row read: memory stays bounded whatever one line holds, even a 100 MB quoted field. */
    static final int MAX_ROW_CHARS = 1 << 20;
    private static final int PEEK_CHARS = 1 << 16;

    private final Reader in;
    private final StringBuilder replay = new StringBuilder();
    private int replayed;
    private final StringBuilder recorded = new StringBuilder();
    private int start;
    private long line;

    RecordingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count;
        if (replayed < replay.length()) {
            count = Math.min(length, replay.length() - replayed);
            replay.getChars(replayed, replayed + count, buffer, offset);
            replayed += count;
            if (replayed == replay.length()) {
                replay.setLength(0);
                replayed = 0;
            }
        } else {
            count = in.read(buffer, offset, length);
        }
        if (count > 0) {
            recorded.append(buffer, offset, count);
            if (recorded.length() - start > MAX_ROW_CHARS + COMPACT_AT) {
                throw new RowTooLongException();
            }
        }
        return count;
    }

    /** The row being read is longer than {@link #MAX_ROW_CHARS}: the parser gives up on it. */
    static final class RowTooLongException extends IOException {
        RowTooLongException() {
            super("the row is longer than " + MAX_ROW_CHARS + " characters");
        }
    }

    /**
     * Reads past the unfinished row that was too long, without keeping its text: to the first line
     * break outside quotes. Returns the 0-based column it was in when it got too long, and arranges
     * for the text after it to be read again by a new parser.
     */
    int skipOverlongRow(char delimiter) throws IOException {
        boolean quoted = false;
        int column = 0;
        int longColumn = -1;
        int fieldLength = 0;
        int i = start;
        char[] more = new char[1 << 16];
        while (true) {
            int c;
            if (i < recorded.length()) {
                c = recorded.charAt(i++);
            } else {
                recorded.setLength(0);
                start = 0;
                i = 0;
                int read = replayed < replay.length() ? readReplay(more) : in.read(more, 0, more.length);
                if (read < 0) {
                    break;
                }
                recorded.append(more, 0, read);
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == delimiter) {
                column++;
                fieldLength = 0;
                continue;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i < recorded.length() && recorded.charAt(i) == '\n') {
                    i++;
                }
                break;
            }
            if (++fieldLength > MAX_ROW_CHARS / 2 && longColumn < 0) {
                longColumn = column;
            }
        }
        replay.insert(replayed, recorded, Math.min(i, recorded.length()), recorded.length());
        recorded.setLength(0);
        start = 0;
        line++;
        return longColumn < 0 ? column : longColumn;
    }

    private int readReplay(char[] into) {
        int count = Math.min(into.length, replay.length() - replayed);
        replay.getChars(replayed, replayed + count, into, 0);
        replayed += count;
        if (replayed == replay.length()) {
            replay.setLength(0);
            replayed = 0;
        }
        return count;
    }

    /** The first line, left in place to be read again. */
    String peekLine() throws IOException {
        StringBuilder first = new StringBuilder();
        int c;
        while ((c = read()) != -1 && c != '\n' && c != '\r') {
            first.append((char) c);
        }
        replay.insert(replayed, recorded, start, recorded.length());
        recorded.setLength(start);
        return first.toString();
    }

    /**
     * The first non-blank lines, up to the first that {@code last} accepts, {@code count} of them or
     * {@value #PEEK_CHARS} characters, left in place to be read again. A line is not read before it
     * is needed: the file may still be being written.
     */
    List<String> peekLines(int count, Predicate<String> last) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int c;
        for (int read = 0; lines.size() < count && read < PEEK_CHARS && (c = read()) != -1; read++) {
            if (c != '\n' && c != '\r') {
                current.append((char) c);
            } else if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
                if (last.test(lines.get(lines.size() - 1))) {
                    break;
                }
            }
        }
        if (!current.isEmpty() && lines.size() < count) {
            lines.add(current.toString());
        }
        replay.insert(replayed, recorded, start, recorded.length());
        recorded.setLength(start);
        return lines;
    }

    /** Reads past the first line for good (Excel's {@code sep=;} line). */
    void skipLine() throws IOException {
        int c;
        while ((c = read()) != -1 && c != '\n' && c != '\r') {
            // the line's text is not data
        }
        if (c == '\r') {
            int next = read();
            if (next != '\n' && next != -1) {
                replay.insert(replayed, (char) next);
            }
        }
        recorded.setLength(0);
        start = 0;
        line++;
    }

    /** The physical line number (0-based) that the unfinished text starts at. */
    long line() {
        return line;
    }

    /** The parser has finished every line before {@code upTo}: their text is no longer needed. */
    void forgetLinesBefore(long upTo) {
        int i = start;
        while (line < upTo && i < recorded.length()) {
            i = afterLineBreak(i);
            line++;
        }
        start = i;
        if (start > COMPACT_AT) {
            recorded.delete(0, start);
            start = 0;
        }
    }

    /**
     * Gives up the first non-blank unfinished line, which the parser could not read, and arranges
     * for the text after it to be read again by a new parser.
     *
     * @return the line's raw text, or null when only blank lines are left
     */
    String takeFailedLine() {
        int i = start;
        while (i < recorded.length() && isLineBreak(recorded.charAt(i))) {
            i = afterLineBreak(i);
            line++;
        }
        if (i >= recorded.length()) {
            return null;
        }
        int end = i;
        while (end < recorded.length() && !isLineBreak(recorded.charAt(end))) {
            end++;
        }
        String failed = recorded.substring(i, end);
        int next = end < recorded.length() ? afterLineBreak(end) : end;
        replay.insert(replayed, recorded, next, recorded.length());
        recorded.setLength(0);
        start = 0;
        line++;
        return failed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The offset after the line break at or after {@code i} (or the end of the recorded text). */
    private int afterLineBreak(int i) {
        while (i < recorded.length() && !isLineBreak(recorded.charAt(i))) {
            i++;
        }
        if (i < recorded.length() && recorded.charAt(i) == '\r') {
            i++;
            return i < recorded.length() && recorded.charAt(i) == '\n' ? i + 1 : i;
        }
        return Math.min(i + 1, recorded.length());
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
