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

    private final VcardLines lines;
    private final int maxCardChars;
    /** The BEGIN:VCARD line of the next card has been read. */
    private boolean begun;

    /** @param maxCardChars the most a card's kept text may hold; a longer card is read past */
    VcardCards(Reader text, int maxCardChars) {
        this.lines = new VcardLines(text);
        this.maxCardChars = maxCardChars;
    }

    /**
     * Whether the file's first line that is not blank begins a card, as an address book's does; it
     * is read past either way, so call this first or not at all.
     */
    boolean beginsWithCard() throws IOException {
        String head = lines.readHead();
        while (head != null && head.isBlank()) {
            lines.skipRest();
            head = lines.readHead();
        }
        begun = head != null && isBegin(head);
        if (head != null) {
            lines.skipRest();
        }
        return begun;
    }

    /** The next card, or null at the end of the file. */
    Card next() throws IOException, UnreadableCardException {
        String head;
        while (!begun) {
            head = lines.readHead();
            if (head == null) {
                return null;
            }
            lines.skipRest();
            begun = isBegin(head);
        }
        begun = false;
        long first = lines.line();
        StringBuilder card = new StringBuilder("BEGIN:VCARD\r\n");
        boolean quotedPrintable = false;
        boolean softBreak = false;
        boolean overlong = false;
        String property = ""; // the one a line belongs to: its name, or the name of the line it continues
        for (head = lines.readHead(); head != null; head = lines.readHead()) {
            boolean continues = softBreak || !startsProperty(head);
            if (!continues) {
                if (isEnd(head)) {
                    lines.skipRest();
                    if (overlong) {
                        throw new UnreadableCardException(first, "is longer than " + maxCardChars
                                + " characters in its names, telephones and e-mails");
                    }
                    return new Card(card.append("END:VCARD\r\n").toString(), first);
                }
                if (isBegin(head)) {
                    lines.skipRest();
                    if (!property.equals("AGENT")) {
                        begun = true; // this card lacks its end; the next one is read from here
                        throw new UnreadableCardException(first, "has no END:VCARD: the card on line "
                                + lines.line() + " begins inside it");
                    }
                    skipAgentCard(first); // vCard 2.1: an assistant's card inside this one is not this contact
                    property = "";
                    softBreak = false;
                    continue;
                }
                property = propertyName(head);
                quotedPrintable = head.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
            }
            if (KEPT.contains(property) && !overlong) {
                String whole = head + lines.readRest(maxCardChars - card.length());
                overlong = whole.length() + card.length() >= maxCardChars;
                card.append(whole).append("\r\n");
                softBreak = quotedPrintable && whole.endsWith("=");
            } else {
                int last = lines.skipRest();
                last = last != VcardLines.NONE || head.isEmpty() ? last : head.charAt(head.length() - 1);
                softBreak = quotedPrintable && last == '=';
            }
        }
        throw new UnreadableCardException(first, "has no END:VCARD: the file ends inside it");
    }

    /** Reads past a card that an AGENT property holds, to its own END:VCARD. */
    private void skipAgentCard(long first) throws IOException, UnreadableCardException {
        int depth = 1;
        for (String head = lines.readHead(); head != null; head = lines.readHead()) {
            lines.skipRest();
            depth += isBegin(head) ? 1 : isEnd(head) ? -1 : 0;
            if (depth == 0) {
                return;
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

    private static boolean isEnd(String head) {
        return head.strip().equalsIgnoreCase("END:VCARD");
    }

    private static String propertyName(String head) {
        int end = 0;
        while (end < head.length() && head.charAt(end) != ';' && head.charAt(end) != ':') {
            end++;
        }
        String name = head.substring(0, end);
        return name.substring(name.indexOf('.') + 1).toUpperCase(Locale.ROOT); // item1.TEL is TEL
    }
}
