package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the file and the CSV parser and keeps the text of the lines the parser has not
 * finished yet, so that when the parser gives up on a record the loader can report its raw text
 * and carry on from the next line. Lines end with LF, CR LF or CR, as the parser counts them.
 */
final class RecordingReader extends Reader {

    private static final int COMPACT_AT = 1 << 16;

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
