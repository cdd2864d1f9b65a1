package ai.truedy.loader.model;

import java.util.Map;

/**
 * A batch (or a part of one: a 413 splits it) whose outcome is final, as the journal keeps it:
 * enough to settle its rows again after a restart, or when a file that grew is read again, without
 * sending it again.
 *
 * @param batch          its number in the file
 * @param batchCallId    the batch call its rows went to; null in journals written before 0.2
 * @param firstRow       its first row: with {@code lastRow} and the batch call id it says which rows it settled
 * @param lastRow        its last row
 * @param outcome        what became of the rows that were sent last
 * @param attempts       requests made for it
 * @param apiRejections  rows the API refused by name (a 422 naming contacts), with the reason
 */
public record SettledBatch(int batch, String batchCallId, long firstRow, long lastRow, BatchOutcome outcome,
                           int attempts, Map<Long, String> apiRejections) {

    /** Whether this batch settled a row (of its batch call, which rows of other batch calls may sit between). */
    public boolean covers(long row) {
        return row >= firstRow && row <= lastRow;
    }
}
