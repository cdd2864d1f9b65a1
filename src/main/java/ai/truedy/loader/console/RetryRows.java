package ai.truedy.loader.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.truedy.loader.model.RegularFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** How many rows a retry file holds (the loader writes them as UTF-8 CSV with a header row). */
final class RetryRows {

    private RetryRows() {
    }

    /** The rows, or -1 when the file cannot be read (re-driven as we looked), or is not a regular file in retry/. */
    static long count(Path file) {
        if (!RegularFile.readable(file, file.getParent())) {
            return -1;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return rows.stream().count();
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }
}
