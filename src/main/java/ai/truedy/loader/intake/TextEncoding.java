package ai.truedy.loader.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a file's bytes become text. With {@code auto}: a byte order mark names UTF-8, UTF-16LE or
 * UTF-16BE; without one the file is UTF-8 when all of it decodes as UTF-8, else Windows-1252 (what
 * Excel writes as "CSV" on Windows). A file with NUL bytes and no UTF-16 mark is not text.
 *
 * @param charset        the character set to read with
 * @param byteOrderMark  how many bytes of byte order mark to skip
 */
public record TextEncoding(Charset charset, int byteOrderMark) {

    public static final String AUTO = "auto";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 8192;

    /** Settles the encoding of a file, given the {@code loader.csv.charset} setting. */
    public static TextEncoding of(Path file, String setting) throws IOException, UnreadableFileException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        TextEncoding marked = byByteOrderMark(head);
        if (AUTO.equalsIgnoreCase(setting)) {
            if (marked != null) {
                return marked;
            }
            refuseBinary(head);
            return new TextEncoding(isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
        }
        Charset configured = Charset.forName(setting);
        if (!configured.name().startsWith("UTF-16")) {
            refuseBinary(head);
        }
        boolean skipMark = marked != null && marked.charset.equals(configured);
        return new TextEncoding(configured, skipMark ? marked.byteOrderMark : 0);
    }

    private static void refuseBinary(byte[] head) throws UnreadableFileException {
        for (byte b : head) {
            if (b == 0) {
                throw new UnreadableFileException("not a text file: it contains NUL bytes");
            }
        }
    }

    /** The file's bytes past its byte order mark. */
    public InputStream open(InputStream file) throws IOException {
        InputStream in = new BufferedInputStream(file, 1 << 16);
        in.skipNBytes(byteOrderMark);
        return in;
    }

    /** The file's text past its byte order mark, decoded with this charset. */
    public Reader reader(InputStream file) throws IOException {
        return new InputStreamReader(open(file), charset);
    }

    private static boolean isAscii(byte[] bytes, int length) {
        int highBits = 0;
        for (int i = 0; i < length; i++) {
            highBits |= bytes[i];
        }
        return highBits >= 0;
    }

    private static TextEncoding byByteOrderMark(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /**
     * Decodes the whole file as UTF-8, stopping at the first byte sequence that is not UTF-8. Plain
     * ASCII, most exports, is only looked at: the decoder starts at the first byte above 127.
     */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            boolean ascii = true;
            while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
                if (ascii && bytes.position() == 0 && isAscii(bytes.array(), read)) {
                    continue; // nothing to decode: every byte is a character of its own
                }
                ascii = false;
                bytes.position(bytes.position() + read);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, true);
            return !result.isError() && !decoder.flush(chars).isError();
        }
    }
}
