package ai.truedy.loader.state;

import java.util.Map;

import ai.truedy.loader.delivery.BatchOutcome;

/**
 * A batch whose outcome is final, as the journal keeps it: enough to settle its rows again after a
 * restart without sending it again.
 *
 * @param batch          its number in the file
 * @param firstRow       its first row, which with {@code batch} and {@code lastRow} identifies it
 * @param lastRow        its last row
 * @param outcome        what became of the rows that were sent last
 * @param attempts       requests made for it
 * @param apiRejections  rows the API refused by name (a 422 naming contacts), with the reason
 */
public record SettledBatch(int batch, long firstRow, long lastRow, BatchOutcome outcome, int attempts,
                           Map<Long, String> apiRejections) {

    String key() {
        return key(batch, firstRow, lastRow);
    }

    static String key(int batch, long firstRow, long lastRow) {
        return batch + ":" + firstRow + ":" + lastRow;
    }
}
