package ai.truedy.loader.batching;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import ai.truedy.loader.LoaderRun;
import ai.truedy.loader.intake.FileChangedException;
import ai.truedy.loader.intake.FileLoad;
import ai.truedy.loader.intake.MalformedRowException;
import ai.truedy.loader.intake.OverlongRowException;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowVerdict.Rejected;
import ai.truedy.loader.model.SourceRow;
import org.apache.camel.Exchange;

/**
 * Groups a file's contacts into API-sized batches, one batch call id each, in file order.
 * Rows are read lazily as the route's streaming split asks for the next batch, so a file of any
 * size is held in memory one batch (per batch call id) at a time. Rejected rows go straight to
 * the file's ledger.
 */
public final class ContactBatches {

    private final int batchSize;
    private final LoaderRun run;
    private final Duration progressInterval;

    public ContactBatches(int batchSize, LoaderRun run, Duration progressInterval) {
        this.batchSize = batchSize;
        this.run = run;
        this.progressInterval = progressInterval;
    }

    /** After the split: waits until every batch handed out has been settled by its sender. */
    public void awaitSent(Exchange exchange) throws InterruptedException {
        exchange.getProperty(FileLoad.PROPERTY, FileLoad.class).inFlight().awaitAllSettled();
    }

    /** The batches of the file in the exchange, for the route's split. */
    public Iterator<Batch> of(Exchange exchange) {
        FileLoad load = exchange.getProperty(FileLoad.PROPERTY, FileLoad.class);
        return new BatchIterator(load, batchSize, run,
                new ReadProgress(load.file().relativePath(), load.source()::fractionRead, progressInterval));
    }

    private static final class BatchIterator implements Iterator<Batch> {
        private final FileLoad load;
        private final LoaderRun run;
        private final ReadProgress progress;
        private final OpenBatches open;
        private final Deque<Batch> full = new ArrayDeque<>();
        private boolean rowsEnded;

        BatchIterator(FileLoad load, int batchSize, LoaderRun run, ReadProgress progress) {
            this.load = load;
            this.progress = progress;
            this.open = new OpenBatches(batchSize);
            this.run = run;
        }

        /** When the loader is stopping, the file ends here and is reported as cut short instead of done. */
        @Override
        public boolean hasNext() {
            if (run.isStopping()) {
                load.inFlight().cutShort();
                return false;
            }
            while (full.isEmpty() && !rowsEnded) {
                readRow();
            }
            return !full.isEmpty();
        }

        /** Hands out the next batch once fewer than truedy.concurrency of the file's batches are in flight. */
        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                load.inFlight().handOut();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to send the next batch", e);
            }
            return full.removeFirst();
        }

        /** The cut last row of a file that then grew, sent as it was cut and now completed otherwise. */
        private boolean completedDifferently(SourceRow row) {
            return load.tail() != null && row.number() == load.tail().row()
                    && !load.tail().values().equals(List.of(row.values())) && load.journal().settledBefore(row.number());
        }

        private void readRow() {
            SourceRow row;
            try {
                row = load.source().nextRow();
            } catch (OverlongRowException e) {
                load.ledger().rowRead();
                List<String> header = load.source().header();
                load.ledger().reject(new SourceRow(e.row(), new String[0]), RejectReason.FIELD_TOO_LONG,
                        e.getMessage() + ", in column " + (e.column() + 1)
                                + (e.column() < header.size() ? " (" + header.get(e.column()) + ")" : "") + ": not read");
                return;
            } catch (MalformedRowException e) {
                load.ledger().rowRead();
                load.ledger().reject(new SourceRow(e.row(), new String[0]), RejectReason.MALFORMED_ROW,
                        "cannot parse (" + e.getMessage() + "): " + e.rawText());
                return;
            } catch (FileChangedException e) {
                rowsEnded = true; // the split ends normally, so the batches handed out are still sent
                load.inFlight().failed(e);
                return;
            }
            if (row == null) {
                rowsEnded = true;
                if (run.isStopping()) {
                    load.inFlight().cutShort(); // the end may be only where the loader stopped waiting for more
                    return;
                }
                full.addAll(open.rest());
                return;
            }
            load.ledger().rowRead();
            progress.rowRead();
            if (completedDifferently(row)) {
                load.ledger().reject(row, RejectReason.READ_WHILE_WRITTEN, "when the file was archived this row had no"
                        + " line break after it and was read as " + List.of(load.tail().values()) + ", and sent; the file"
                        + " then grew and the row now reads " + List.of(row.values()) + ": it is not sent twice");
                return;
            }
            RowVerdict verdict = load.contacts().read(row);
            if (verdict instanceof Rejected rejected) {
                load.ledger().reject(rejected.row(), rejected.reason(), rejected.detail());
            } else if (verdict instanceof Ready ready) {
                ready.warnings().forEach(warning -> load.ledger().warn(ready.row(), warning));
                Batch filled = open.add(ready);
                if (filled != null) {
                    full.addLast(filled);
                }
            }
        }
    }
}
