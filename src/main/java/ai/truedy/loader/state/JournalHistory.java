package ai.truedy.loader.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import ai.truedy.loader.model.SettledBatch;

/**
 * What the lines of a journal say, read back in order: how the file was started and finished, the
 * batches settled (by batch call and rows, so that the parts of a split batch and a batch that
 * grew when the file did are found too), and how the last loads ended.
 */
final class JournalHistory {

    private FileJournal.Start start;
    private FileJournal.Done done;
    private boolean regrown;
    private boolean stoppedOnPurpose;
    private int crashesWithoutProgress;
    private int settled;
    private final Map<String, NavigableMap<Long, SettledBatch>> byBatchCall = new HashMap<>();

    synchronized void add(JournalLine line) {
        if (line.start() != null) {
            start = line.start();
            done = null;
            regrown = false;
            forgetSettled();
        } else if (line.batch() != null) {
            SettledBatch batch = line.batch();
            byBatchCall.computeIfAbsent(key(batch.batchCallId(), batch.batch()), id -> new TreeMap<>())
                    .put(batch.firstRow(), batch);
            settled++;
            crashesWithoutProgress = 0;
            stoppedOnPurpose = false;
        } else if (line.done() != null) {
            done = line.done();
            regrown = false;
        } else if (line.resumed() != null) {
            crashesWithoutProgress += line.resumed().afterCrash() ? 1 : 0;
            stoppedOnPurpose = false;
        } else if (line.stopped() != null) {
            stoppedOnPurpose = true;
            crashesWithoutProgress = 0;
        } else if (line.regrown() != null) {
            regrown = true;
        }
    }

    synchronized FileJournal.Status status(Duration duplicateWindow) {
        if (start == null) {
            return FileJournal.Status.NEW;
        }
        if (regrown) {
            return FileJournal.Status.EXTEND;
        }
        if (done == null) {
            return FileJournal.Status.RESUME;
        }
        boolean recent = Instant.parse(done.finishedAt()).isAfter(Instant.now().minus(duplicateWindow));
        return recent && !duplicateWindow.isZero() ? FileJournal.Status.DUPLICATE : FileJournal.Status.NEW;
    }

    /** Whether the archived original grew after the last load was done. */
    synchronized boolean regrown() {
        return regrown;
    }

    synchronized FileJournal.Start start() {
        return start;
    }

    synchronized FileJournal.Done done() {
        return done;
    }

    synchronized int crashesWithoutProgress() {
        return crashesWithoutProgress;
    }

    synchronized boolean stoppedOnPurpose() {
        return stoppedOnPurpose;
    }

    synchronized int settledCount() {
        return settled;
    }

    /** A new load: what was settled before no longer counts. */
    private void forgetSettled() {
        byBatchCall.clear();
        settled = 0;
        crashesWithoutProgress = 0;
        stoppedOnPurpose = false;
    }

    /** The settled parts of a batch call whose rows overlap {@code firstRow..lastRow}, in row order. */
    synchronized List<SettledBatch> settledWithin(String batchCallId, int batch, long firstRow, long lastRow) {
        List<SettledBatch> found = new ArrayList<>();
        NavigableMap<Long, SettledBatch> parts = byBatchCall.get(key(batchCallId, batch));
        if (parts == null) {
            parts = byBatchCall.get(key(null, batch)); // a journal from before parts were kept by batch call
        }
        if (parts != null) {
            Long from = parts.floorKey(firstRow);
            for (SettledBatch part : parts.tailMap(from == null ? firstRow : from, true).values()) {
                if (part.firstRow() > lastRow) {
                    break;
                }
                if (part.lastRow() >= firstRow) {
                    found.add(part);
                }
            }
        }
        return found;
    }

    /** Whether any settled batch holds this row. */
    synchronized boolean covers(long row) {
        for (NavigableMap<Long, SettledBatch> parts : byBatchCall.values()) {
            Map.Entry<Long, SettledBatch> floor = parts.floorEntry(row);
            if (floor != null && floor.getValue().covers(row)) {
                return true;
            }
        }
        return false;
    }

    /** Parts are kept by batch call; journals written before that kept them by batch number only. */
    private static String key(String batchCallId, int batch) {
        return batchCallId != null ? "call:" + batchCallId : "batch:" + batch;
    }
}
