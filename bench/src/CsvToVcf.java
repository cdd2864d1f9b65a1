import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns GenerateContacts' CSV into an address book as Apple Contacts exports one (vCard 3.0): per
 * card its name, e-mail, the row's phone as a preferred cell number, a work fax and a small photo,
 * so the loader parses, orders and skips what a real export makes it.
 *
 * usage: java CsvToVcf CSV VCF
 */
public final class CsvToVcf {

    private static final String PHOTO = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHSEaHx4d".repeat(8);

    public static void main(String[] args) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            in.readLine(); // first_name,last_name,phone,email
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                out.write("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.5//EN\r\n");
                out.write("N:" + cells[1] + ";" + cells[0] + ";;;\r\nFN:" + cells[0] + " " + cells[1] + "\r\n");
                out.write("EMAIL;type=INTERNET;type=HOME;type=pref:" + cells[3] + "\r\n");
                out.write("TEL;type=WORK;type=FAX:+1 212 555 0100\r\n");
                out.write("TEL;type=CELL;type=VOICE;type=pref:" + cells[2] + "\r\n");
                out.write("PHOTO;ENCODING=b;TYPE=JPEG:" + PHOTO.substring(0, 47)); // folded at 75, as exported
                for (int i = 47; i < PHOTO.length(); i += 74) {
                    out.write("\r\n " + PHOTO.substring(i, Math.min(PHOTO.length(), i + 74)));
                }
                out.write("\r\nEND:VCARD\r\n");
            }
        }
    }
}
