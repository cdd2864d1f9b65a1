package ai.truedy.loader.model;

/**
 * A batch, or a part of one (a 413 splits it), is settled: its rows are accepted, rejected or left
 * to retry, as the outcome says.
 *
 * @param replayed the outcome was kept from before (a restart, or a file read again after it
 *                 grew), not answered now
 * @param entry    what a restart needs to know of it, for the journal; null when replayed
 */
public record BatchSettled(Batch batch, BatchOutcome outcome, int attempts, boolean replayed, SettledBatch entry) {
}
