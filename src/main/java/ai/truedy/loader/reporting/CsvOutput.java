package ai.truedy.loader.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.truedy.loader.intake.SpreadsheetCells;
import ai.truedy.loader.model.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV output file (rejected rows, rows to retry) written as rows arrive. It is created on the
 * first row under a temporary name and only appears under its real name when committed, so a
 * reader never sees half a file and a file with no rows leaves nothing behind. Cells a spreadsheet
 * would run as formulas are written with a leading apostrophe ({@link SpreadsheetCells}).
 */
final class CsvOutput {

    private final Path target;
    private final List<String> header;
    private CSVPrinter printer;

    CsvOutput(Path target, List<String> header) {
        this.target = target;
        this.header = header;
    }

    void write(String... values) {
        try {
            if (printer == null) {
                BufferedWriter writer = Files.newBufferedWriter(AtomicFiles.temporaryFor(target), StandardCharsets.UTF_8);
                printer = new CSVPrinter(writer, CSVFormat.RFC4180);
                printer.printRecord(header.stream().map(SpreadsheetCells::escape).toList());
            }
            Object[] cells = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = SpreadsheetCells.escape(values[i]);
            }
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Renames the file into place; returns its path, or null when no row was written. A file of that
     * name from an earlier read of the same file (one that grew after it was archived) is removed then.
     */
    Path commit() throws IOException {
        if (printer == null) {
            Files.deleteIfExists(target);
            return null;
        }
        printer.close(true);
        printer = null;
        AtomicFiles.commit(AtomicFiles.temporaryFor(target), target);
        return target;
    }
}
