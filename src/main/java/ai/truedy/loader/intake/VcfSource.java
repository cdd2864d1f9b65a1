package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ai.truedy.loader.model.SourceRow;
import ezvcard.VCard;
import ezvcard.io.text.VCardReader;

/**
 * The contacts of an address book ({@code .vcf}: vCard 2.1, 3.0 and 4.0, as Apple Contacts, Google
 * Contacts and Outlook export them), one row per card, parsed with ez-vcard: the names from
 * {@code N} (or {@code FN}), the preferred e-mail, and the telephones in the order they are tried
 * ({@link VcardPhones}). A row's number is the card's place in the file; the line it begins on is
 * its {@value #LINE} column. Cards are read one at a time ({@link VcardCards}), photos never held.
 */
final class VcfSource implements RowSource {

    /** The telephones a row keeps, most preferred first. */
    static final int PHONES = 5;
    static final String LINE = "vcard_line";
    static final List<String> HEADER = Stream.concat(
            Stream.of("first_name", "last_name", "full_name", "email"),
            Stream.concat(IntStream.rangeClosed(1, PHONES).mapToObj(n -> "phone " + n), Stream.of(LINE))).toList();

    private final Reader text;
    private final VcardCards cards;
    private final GrowingFileInput bytes;
    private long rows;
    private SourceRow lastRow;

    private VcfSource(Reader text, GrowingFileInput bytes) {
        this.text = text;
        this.cards = new VcardCards(text, RecordingReader.MAX_ROW_CHARS);
        this.bytes = bytes;
    }

    static VcfSource open(Path file, CsvSource.Settling settling) throws IOException, UnreadableFileException {
        TextEncoding encoding = TextEncoding.of(file, "auto");
        GrowingFileInput bytes = new GrowingFileInput(file, settling.settleTimeOf(file), settling.stopping());
        VcfSource source = new VcfSource(encoding.reader(bytes), bytes);
        try {
            if (!source.cards.beginsWithCard()) {
                throw new UnreadableFileException("not a vCard address book: its first line is not BEGIN:VCARD");
            }
            return source;
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public long rowsAboveHeader() {
        return 0;
    }

    /**
     * The next card as a row, or null at the end of the file.
     *
     * @throws MalformedRowException for a card that cannot be read; the next call goes on after it
     */
    @Override
    public SourceRow nextRow() {
        lastRow = null;
        try {
            VcardCards.Card card = cards.next();
            if (card == null) {
                return null;
            }
            VCard parsed = new VCardReader(card.text()).readNext();
            if (parsed == null) {
                throw malformed(card.firstLine(), "the card that begins on line " + card.firstLine() + " cannot be read");
            }
            lastRow = new SourceRow(++rows, cells(parsed, card.firstLine()));
            return lastRow;
        } catch (VcardCards.UnreadableCardException e) {
            throw malformed(e.firstLine, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A card that cannot be read, rejected with the line it begins on. */
    private MalformedRowException malformed(long firstLine, String why) {
        String[] cells = new String[HEADER.size()];
        Arrays.fill(cells, "");
        cells[HEADER.size() - 1] = Long.toString(firstLine);
        return new MalformedRowException(++rows, "BEGIN:VCARD", why, cells);
    }

    private static String[] cells(VCard card, long firstLine) {
        List<String> cells = new ArrayList<>(HEADER.size());
        String given = card.getStructuredName() == null ? null : card.getStructuredName().getGiven();
        String family = card.getStructuredName() == null ? null : card.getStructuredName().getFamily();
        cells.add(given == null ? "" : given);
        cells.add(family == null ? "" : family);
        cells.add(card.getFormattedName() == null || card.getFormattedName().getValue() == null ? ""
                : card.getFormattedName().getValue());
        cells.add(VcardPhones.preferredEmail(card));
        List<String> phones = VcardPhones.inOrder(card);
        for (int i = 0; i < PHONES; i++) {
            cells.add(i < phones.size() ? phones.get(i) : "");
        }
        cells.add(Long.toString(firstLine));
        return cells.toArray(String[]::new);
    }

    @Override
    public SourceRow lastRow() {
        return lastRow;
    }

    @Override
    public double fractionRead() {
        return bytes.fractionRead();
    }

    @Override
    public ReadContent content() {
        return bytes.content();
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
