package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Set;

/**
 * Splits an address book ({@code .vcf}) into its cards, one at a time, keeping of each only the
 * properties a contact is made of: its name, telephones and e-mails. Everything else is read past
 * without being kept, a photo of any size included, whether it is folded (vCard 3.0 and 4.0) or
 * written as vCard 2.1 base64 lines; a quoted-printable value's soft line breaks are kept with it.
 */
final class VcardCards {

    /** A card's text, as it is parsed, and the line of the file it begins on (1-based). */
    record Card(String text, long firstLine) {
    }

    /** A card that cannot be read: the file ends inside it, or it is too long to keep. */
    static final class UnreadableCardException extends Exception {
        final long firstLine;

        UnreadableCardException(long firstLine, String why) {
            super("the card that begins on line " + firstLine + " " + why, null, false, false);
            this.firstLine = firstLine;
        }
    }

    private static final Set<String> KEPT = Set.of("VERSION", "N", "FN", "TEL", "EMAIL");
    /** Enough of a line to tell which property it starts. */
    private static final int HEAD = 256;
    private static final int NONE = -1;

    private final Reader text;
    private final int maxCardChars;
    private long line;
    private int ahead = -2;
    /** The BEGIN:VCARD line of the next card has been read. */
    private boolean begun;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder lineHead = new StringBuilder(HEAD);
    private int next;
    private int filled;

    /** @param maxCardChars the most a card's kept text may hold; a longer card is read past */
    VcardCards(Reader text, int maxCardChars) {
        this.text = text;
        this.maxCardChars = maxCardChars;
    }

    /**
     * Whether the file's first line that is not blank begins a card, as an address book's does; it
     * is read past either way, so call this first or not at all.
     */
    boolean beginsWithCard() throws IOException {
        String head = readHead();
        while (head != null && head.isBlank()) {
            skipRest();
            head = readHead();
        }
        begun = head != null && isBegin(head);
        if (head != null) {
            skipRest();
        }
        return begun;
    }

    /** The next card, or null at the end of the file. */
    Card next() throws IOException, UnreadableCardException {
        String head;
        while (!begun) {
            head = readHead();
            if (head == null) {
                return null;
            }
            skipRest();
            begun = isBegin(head);
        }
        begun = false;
        long first = line;
        StringBuilder card = new StringBuilder("BEGIN:VCARD\r\n");
        boolean keeping = false;
        boolean quotedPrintable = false;
        boolean softBreak = false;
        boolean overlong = false;
        for (head = readHead(); head != null; head = readHead()) {
            boolean continues = softBreak || !startsProperty(head);
            if (!continues) {
                String name = propertyName(head);
                if (name.equals("END") && head.strip().equalsIgnoreCase("END:VCARD")) {
                    skipRest();
                    if (overlong) {
                        throw new UnreadableCardException(first, "is longer than " + maxCardChars
                                + " characters in its names, telephones and e-mails");
                    }
                    return new Card(card.append("END:VCARD\r\n").toString(), first);
                }
                keeping = KEPT.contains(name);
                quotedPrintable = head.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
            }
            if (keeping && !overlong) {
                String whole = head + readRest(maxCardChars - card.length());
                overlong = whole.length() + card.length() >= maxCardChars;
                card.append(whole).append("\r\n");
                softBreak = quotedPrintable && whole.endsWith("=");
            } else {
                int last = skipRest();
                last = last != NONE || head.isEmpty() ? last : head.charAt(head.length() - 1);
                softBreak = quotedPrintable && last == '=';
            }
        }
        throw new UnreadableCardException(first, "has no END:VCARD: the file ends inside it");
    }

    /** Whether a line starts a property ({@code TEL;TYPE=CELL:}, {@code item1.EMAIL:}), not a folded or base64 line. */
    private static boolean startsProperty(String head) {
        boolean group = false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if ((c == ';' || c == ':') && i > 0) {
                return true;
            }
            if (c == '.' && !group && i > 0) {
                group = true;
            } else if (!Character.isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isBegin(String head) {
        return head.strip().equalsIgnoreCase("BEGIN:VCARD");
    }

    private static String propertyName(String head) {
        int end = 0;
        while (end < head.length() && head.charAt(end) != ';' && head.charAt(end) != ':') {
            end++;
        }
        String name = head.substring(0, end);
        return name.substring(name.indexOf('.') + 1).toUpperCase(Locale.ROOT); // item1.TEL is TEL
    }

    /** The first characters of the next line (its break not included); null at the end of the file. */
    private String readHead() throws IOException {
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
    private String readRest(int limit) throws IOException {
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
    private int skipRest() throws IOException {
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
