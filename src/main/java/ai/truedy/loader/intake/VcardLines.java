package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.Reader;

/**
 * An address book's lines, read through a buffer of its own: the head of each line (enough to tell
 * which property it starts), then its rest kept up to a limit or read past, so that a line of any
 * length (a photo on one line) is never held whole. LF, CRLF and CR end lines.
 */
final class VcardLines {

    /** Enough of a line to tell which property it starts. */
    static final int HEAD = 256;
    /** What {@link #skipRest()} returns when nothing was left of the line. */
    static final int NONE = -1;

    private final Reader text;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder lineHead = new StringBuilder(HEAD);
    private int next;
    private int filled;
    private int ahead = -2;
    private long line;

    VcardLines(Reader text) {
        this.text = text;
    }

    /** The number of the line whose head was read last (1-based). */
    long line() {
        return line;
    }

    /** The first characters of the next line (its break not included); null at the end of the file. */
    String readHead() throws IOException {
        int c = take();
        if (c == -1) {
            return null;
        }
        line++;
        lineHead.setLength(0);
        for (; c != -1 && !endsLine(c) && lineHead.length() < HEAD; c = take()) {
            lineHead.append((char) c);
        }
        if (c != -1) {
            ahead = c; // the break, or the first character past the head
        }
        return lineHead.toString();
    }

    /** The rest of the line, at most {@code limit} characters of it kept; the line break is read past. */
    String readRest(int limit) throws IOException {
        StringBuilder rest = new StringBuilder();
        for (int c = take(); c != -1; c = take()) {
            if (endsLine(c)) {
                skipBreak(c);
                break;
            }
            if (rest.length() < limit) {
                rest.append((char) c);
            }
        }
        return rest.toString();
    }

    /** Reads past the rest of the line; returns its last character, {@link #NONE} when nothing was left of it. */
    int skipRest() throws IOException {
        int last = NONE;
        for (int c = take(); c != -1; c = take()) {
            if (endsLine(c)) {
                skipBreak(c);
                break;
            }
            last = c;
        }
        return last;
    }

    private void skipBreak(int c) throws IOException {
        if (c == '\r') {
            int next = take();
            if (next != '\n' && next != -1) {
                ahead = next;
            }
        }
    }

    private int take() throws IOException {
        if (ahead != -2) {
            int c = ahead;
            ahead = -2;
            return c;
        }
        if (next == filled) {
            filled = text.read(buffer, 0, buffer.length);
            next = 0;
            if (filled <= 0) {
                filled = 0;
                return -1;
            }
        }
        return buffer[next++];
    }

    private static boolean endsLine(int c) {
        return c == '\n' || c == '\r';
    }
}
