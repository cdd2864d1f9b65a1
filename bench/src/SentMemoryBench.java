import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.state.LocalSentMemory;

/**
 * The sent memory (loader.sent-memory) with N numbers remembered: BATCH_CALLS batch calls, each fed
 * by DAYS daily exports whose new numbers are one generation each, written under folder as the
 * loader writes them; then loaded as a new loader loads them, and N numbers looked up against it,
 * half of them remembered. Prints the time to load, the heap in use and look-ups per second.
 *
 *   java -Xmx256m -cp ... SentMemoryBench N folder [BATCH_CALLS [DAYS]]
 */
public final class SentMemoryBench {

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        Path state = Files.createDirectories(Path.of(args[1]));
        int batchCalls = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        SplittableRandom random = new SplittableRandom(42);
        LocalSentMemory writer = new LocalSentMemory(state, Duration.ofDays(30), false, ApiJson.mapper());
        long perGeneration = count / batchCalls / days;
        Instant now = Instant.now();
        long started = System.nanoTime();
        for (int day = 0; day < days; day++) {
            for (int call = 0; call < batchCalls; call++) {
                long[] numbers = new long[(int) perGeneration];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = 12_000_000_000L + random.nextLong(7_000_000_000L); // +1 and area codes 200-899
                }
                numbers = java.util.Arrays.stream(numbers).sorted().distinct().toArray();
                writer.remember("day-" + day, "bc_" + call + "/day-" + day + ".csv",
                        now.minus(Duration.ofDays(days - day)).plusSeconds(60), Map.of("bc_" + call, numbers));
            }
        }
        System.out.printf("written: %d numbers for %d batch calls, %d generations each, in %.1f s; %d MB on disk%n",
                writer.size(), batchCalls, days, (System.nanoTime() - started) / 1e9, folderSize(state.resolve("sent")) >> 20);
        writer = null;
        System.gc();

        started = System.nanoTime();
        LocalSentMemory memory = new LocalSentMemory(state, Duration.ofDays(31), true, ApiJson.mapper());
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("loaded %d numbers in %.1f s; heap in use after a collection: %d MB%n", memory.size(),
                loadSeconds, heap >> 20);

        SplittableRandom replay = new SplittableRandom(42);
        SplittableRandom fresh = new SplittableRandom(7);
        long found = 0;
        Instant notBefore = Instant.now().minus(Duration.ofDays(31));
        started = System.nanoTime();
        for (long i = 0; i < count; i++) {
            boolean remembered = (i & 1) == 0; // half the look-ups are numbers remembered (the first generations' order)
            long number = remembered ? 12_000_000_000L + replay.nextLong(7_000_000_000L)
                    : 12_000_000_000L + fresh.nextLong(7_000_000_000L);
            String batchCall = "bc_" + (remembered ? (int) (i / 2 / perGeneration % batchCalls) : (int) (i % batchCalls));
            if (memory.sentBefore(batchCall, "+" + number, "", notBefore) != null) {
                found++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d look-ups in %.1f s: %.2f M a second; %d found%n", count, seconds, count / seconds / 1e6, found);
    }

    private static long folderSize(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
