package ai.truedy.loader.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How the sent memory keeps a load's numbers on disk (and in the cluster's {@code loader_sent}):
 * sorted, each as its difference from the one before in 7-bit groups, about three bytes a number.
 */
public final class NumberDeltas {

    private NumberDeltas() {
    }

    /** Sorted numbers as bytes: each the difference from the one before, in 7-bit groups. */
    public static byte[] encode(long[] sorted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sorted.length * 3);
        long previous = 0;
        for (long number : sorted) {
            long delta = number - previous;
            previous = number;
            while ((delta & ~0x7FL) != 0) {
                out.write((int) ((delta & 0x7F) | 0x80));
                delta >>>= 7;
            }
            out.write((int) delta);
        }
        return out.toByteArray();
    }

    /** The numbers {@link #encode} wrote, {@code count} of them. */
    public static long[] decode(InputStream in, int count) throws IOException {
        long[] numbers = new long[count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long delta = 0;
            int shift = 0;
            int b;
            do {
                b = in.read();
                if (b < 0) {
                    throw new IOException("the numbers end after " + i + " of " + count);
                }
                delta |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            previous += delta;
            numbers[i] = previous;
        }
        return numbers;
    }

}
