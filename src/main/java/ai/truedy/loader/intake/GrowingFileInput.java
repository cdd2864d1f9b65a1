package ai.truedy.loader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import ai.truedy.loader.model.FileDigests;

/**
 * Reads a file that may still be being written, as a network copy or a slow upload writes it. At
 * the end of what is there it does not stop: bytes appended meanwhile are read on, and the end of
 * the file is reached only once the file has been unchanged for {@code loader.settle-time}, counted
 * from its last modification (a file that was quiet when it was opened ends at once). So the rows
 * up to the last complete line are read as they come, and a cut last line only once it is final.
 *
 * <p>A file that shrinks, or whose first bytes change, while it is read was rewritten: reading
 * fails with {@link FileChangedException}. What was read is also summed up for the journal: its
 * length, a SHA-256 of every byte and of the first {@value #HEAD} bytes, and whether it ended with
 * a line break.
 */
final class GrowingFileInput extends InputStream {

    /** How many of the first bytes are compared to tell a rewritten file from a grown one. */
    static final int HEAD = ReadContent.HEAD;
    private static final long POLL_MILLIS = 100;

    private final Path path;
    private final FileChannel channel;
    private final Duration settleTime;
    private final BooleanSupplier stopping;
    private final MessageDigest content = FileDigests.sha256();
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long position;
    private int lastByte = -1;
    private final long sizeAtOpen;
    private Instant lastGrowthSeen = Instant.EPOCH;
    private final LastChange lastChange = new LastChange();

    /**
     * @param settleTime how long the file must be unchanged before its end counts as its end
     * @param stopping   true once the loader is stopping: the end of a complete line then ends the file early
     */
    GrowingFileInput(Path path, Duration settleTime, BooleanSupplier stopping) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.settleTime = settleTime;
        this.stopping = stopping;
        this.sizeAtOpen = channel.size();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int read = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
            if (read > 0) {
                took(buffer, offset, read);
                return read;
            }
            if (atTheEnd()) {
                return -1;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + path + " to settle");
            }
        }
    }

    /** The file's size when it was opened. */
    long sizeAtOpen() {
        return sizeAtOpen;
    }

    /** How much of the file has been read, from 0 to 1, against its size when it was opened. */
    double fractionRead() {
        return Math.min(1.0, (double) position / Math.max(1, sizeAtOpen));
    }

    /** What was read, for the journal: valid once the end was reached. */
    ReadContent content() {
        MessageDigest copy;
        try {
            copy = (MessageDigest) content.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
        return new ReadContent(position, copy, FileDigests.hex(FileDigests.sha256().digest(Arrays.copyOf(head, headLength))),
                lastByte == -1 || endsWithLineBreak());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void took(byte[] buffer, int offset, int read) {
        content.update(buffer, offset, read);
        if (headLength < HEAD) {
            int copied = (int) Math.min(read, HEAD - headLength);
            System.arraycopy(buffer, offset, head, headLength, copied);
            headLength += copied;
        }
        position += read;
        lastByte = buffer[offset + read - 1] & 0xFF;
        if (position > sizeAtOpen) {
            lastGrowthSeen = Instant.now();
        }
    }

    /** At the end of what is there: is it the end of the file? Fails if the file was rewritten. */
    private boolean atTheEnd() throws IOException {
        long size = channel.size();
        if (size < position) {
            throw new FileChangedException(path.getFileName() + " shrank from " + position + " to " + size
                    + " bytes while it was being read: it was rewritten");
        }
        if (size > position) {
            return false;
        }
        Instant now = Instant.now();
        if (lastChange.look(Files.getLastModifiedTime(path), now)) {
            requireSameHead(); // written to since: appended to, or rewritten
        }
        Instant quietSince = lastChange.at();
        if (lastGrowthSeen.isAfter(quietSince)) {
            quietSince = lastGrowthSeen;
        }
        boolean settled = !quietSince.plus(settleTime).isAfter(now);
        return settled || stopping.getAsBoolean() && endsWithLineBreak();
    }

    private boolean endsWithLineBreak() {
        return lastByte == '\n' || lastByte == '\r';
    }

    private void requireSameHead() throws IOException {
        if (!sameHead()) {
            throw new FileChangedException(path.getFileName() + " was rewritten while it was being read: its first "
                    + headLength + " bytes changed");
        }
    }

    private boolean sameHead() throws IOException {
        ByteBuffer now = ByteBuffer.allocate(headLength);
        while (now.hasRemaining() && channel.read(now, now.position()) > 0) {
            // reads the head again
        }
        return Arrays.equals(now.array(), 0, now.position(), head, 0, headLength) && now.position() == headLength;
    }
}
