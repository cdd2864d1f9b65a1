package ai.truedy.loader.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.BatchOutcome;
import ai.truedy.loader.model.BatchOutcome.ApiCounts;
import ai.truedy.loader.reporting.FileReport.BatchReport;

/** The report's line for each batch settled, and their order in it. */
final class BatchReports {

    private BatchReports() {
    }

    static BatchReport of(Batch batch, BatchOutcome outcome, int attempts) {
        ApiCounts counts = outcome.counts();
        return new BatchReport(batch.sequence(), null, batch.batchCallId(), batch.firstRow(), batch.lastRow(),
                batch.size(), attempts,
                outcome.httpStatus(), outcome.requestId(), outcome.disposition().name().toLowerCase(),
                outcome.reason() == null ? null : outcome.reason().code(),
                counts.added(), counts.failed(), counts.duplicatesSkipped(), counts.invalidSkipped(),
                counts.totalContacts(), outcome.detail());
    }

    /** The batches in order (senders settle them in any order); a batch settled in parts has them numbered. */
    static List<BatchReport> inOrder(List<BatchReport> batches) {
        batches.sort(Comparator.comparingInt(BatchReport::batch).thenComparingLong(BatchReport::firstRow));
        List<BatchReport> numbered = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            BatchReport entry = batches.get(i);
            boolean parted = i > 0 && batches.get(i - 1).batch() == entry.batch()
                    || i + 1 < batches.size() && batches.get(i + 1).batch() == entry.batch();
            int part = parted && i > 0 && numbered.get(i - 1).batch() == entry.batch() ? numbered.get(i - 1).part() + 1 : 1;
            numbered.add(parted ? entry.withPart(part) : entry);
        }
        return numbered;
    }
}
