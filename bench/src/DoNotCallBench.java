import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.contacts.PhoneNormalizer;

/**
 * Writes a do-not-call list of N US numbers (E.164, or FORMAT=national: "(212) 736-1001"), loads it
 * as the loader does and checks N numbers against it, half of them listed. Prints load time,
 * lookups per second and the heap in use.
 *
 *   java -Xmx256m -cp ... DoNotCallBench N folder
 */
public final class DoNotCallBench {

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        boolean national = "national".equals(System.getenv("FORMAT"));
        Path list = folder.resolve("registry.txt");
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(list)) {
            for (long i = 0; i < count; i++) {
                long number = 2_000_000_000L + random.nextLong(7_000_000_000L); // area codes 200-899
                out.write(national ? "(%03d) %03d-%04d%n".formatted(number / 10_000_000, number / 10_000 % 1000, number % 10_000)
                        : "+1" + number + "\n");
            }
        }
        System.out.printf("list: %d numbers, %d MB on disk%n", count, Files.size(list) >> 20);

        DoNotCallLists lists = new DoNotCallLists(folder, new PhoneNormalizer("US", PhoneNormalizer.Validation.POSSIBLE),
                Duration.ZERO);
        long started = System.nanoTime();
        lists.refresh();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        SplittableRandom again = new SplittableRandom(42);
        SplittableRandom other = new SplittableRandom(7);
        long hits = 0;
        started = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long number = i % 2 == 0 ? 2_000_000_000L + again.nextLong(7_000_000_000L)
                    : 9_000_000_000L + other.nextLong(999_999_999L); // 9xx: never listed
            if (lists.listedIn("+1" + number) != null) {
                hits++;
            }
        }
        double lookupSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %d distinct numbers in %.1f s; heap in use after load %d MB%n", lists.numbers(),
                loadSeconds, heap >> 20);
        System.out.printf("%d lookups (%d listed) in %.1f s: %.0f lookups/s%n", count, hits, lookupSeconds,
                count / lookupSeconds);
    }
}
