package ai.truedy.loader.model;

import java.util.Arrays;

/**
 * One data row as it stands in the file: its 1-based number among the data rows (the header is
 * not counted) and its values in header order.
 */
public record SourceRow(long number, String[] values) {

    /** The value in a column, or "" where the row is shorter than the header. */
    public String value(int column) {
        return column >= 0 && column < values.length ? values[column] : "";
    }

    /** The values widened (or cut) to a given number of columns, for output files. */
    public String[] valuesFor(int columns) {
        return Arrays.copyOf(values, columns);
    }
}
