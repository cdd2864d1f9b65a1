package ai.truedy.loader.files;

import ai.truedy.loader.batching.BatchesInFlight;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchListener;
import ai.truedy.loader.model.BatchSettled;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.reporting.FileLedger;
import ai.truedy.loader.state.FileJournal;
import ai.truedy.loader.state.JournalUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file's settled batches go to its journal first, then its ledger, then the count in flight. A
 * batch counts only once its journal line is kept: when it cannot be (the cluster's database is
 * out of reach, or another instance has taken the file over), the batch is not counted here, the
 * file hands out no more batches, and it stays in the inbox to be resumed from its journal.
 */
final class JournalFirst implements BatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFirst.class);

    private final String name;
    private final FileJournal journal;
    private final BatchListener settledAfterJournal;
    private final FileLedger ledger;
    private final BatchesInFlight inFlight;
    private volatile String lostBecause;

    /** @param settledAfterJournal told of each batch once it is journaled: the ledger and the numbers to remember */
    JournalFirst(String name, FileJournal journal, BatchListener settledAfterJournal, FileLedger ledger,
                 BatchesInFlight inFlight) {
        this.name = name;
        this.journal = journal;
        this.settledAfterJournal = settledAfterJournal;
        this.ledger = ledger;
        this.inFlight = inFlight;
    }

    @Override
    public void rejectedByApi(SourceRow row, String reason) {
        ledger.rejectedByApi(row, reason);
    }

    @Override
    public void settled(BatchSettled settled) {
        if (lostBecause != null) {
            return;
        }
        try {
            journal.settled(settled);
        } catch (JournalUnavailableException e) {
            lose(e.getMessage());
            return;
        }
        settledAfterJournal.settled(settled);
        inFlight.settled(settled);
    }

    @Override
    public void delivered(Batch batch) {
        journal.delivered(batch);
        ledger.delivered(batch);
        inFlight.delivered(batch);
    }

    /** A batch is left for the journal: the file ends cut short, and stays in the inbox to be resumed. */
    @Override
    public void left(Batch batch) {
        inFlight.cutShort();
        delivered(batch);
    }

    /** Whether the file's batches may still be sent and settled here. */
    boolean held() {
        if (lostBecause == null && !journal.held()) {
            lose("another instance has taken the file over");
        }
        return lostBecause == null;
    }

    /** Why the file's journal can no longer be kept here, or null while it can. */
    String lostBecause() {
        return lostBecause;
    }

    private synchronized void lose(String because) {
        if (lostBecause == null) {
            lostBecause = because;
            inFlight.cutShort();
            LOG.warn("{}: its journal cannot be kept here ({}); nothing more of it is sent from this instance, and it"
                    + " is resumed from its journal", name, because);
        }
    }
}
