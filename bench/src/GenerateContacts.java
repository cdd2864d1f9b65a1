import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a contact file for benchmarks: N rows of first_name,last_name,phone,email with unique US
 * numbers in a few of the formats people write, so that normalization does real work.
 *
 * usage: java GenerateContacts ROWS FILE
 */
public final class GenerateContacts {

    private static final String[] FIRST = {"Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Giulia", "Hiro"};
    private static final String[] LAST = {"Ruiz", "Okafor", "Müller", "Tanaka", "Smith", "Nguyen", "Rossi", "Khan"};

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("first_name,last_name,phone,email\n");
            for (long i = 0; i < rows; i++) {
                long area = 201 + (i / 8_000_000) % 700;
                long local = 2_000_000 + i % 8_000_000;
                String phone = switch ((int) (i % 4)) {
                    case 0 -> "+1 %d %03d %04d".formatted(area, local / 10_000, local % 10_000);
                    case 1 -> "(%d) %03d-%04d".formatted(area, local / 10_000, local % 10_000);
                    case 2 -> "%d.%03d.%04d".formatted(area, local / 10_000, local % 10_000);
                    default -> "+1%d%07d".formatted(area, local);
                };
                String first = FIRST[(int) (i % FIRST.length)];
                String last = LAST[(int) (i / FIRST.length % LAST.length)];
                out.write(first + "," + last + "," + phone + "," + first.toLowerCase() + i + "@example.com\n");
            }
        }
    }
}
