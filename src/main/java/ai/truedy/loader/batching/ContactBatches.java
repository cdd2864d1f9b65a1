package ai.truedy.loader.batching;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import ai.truedy.loader.intake.FileChangedException;
import ai.truedy.loader.intake.MalformedRowException;
import ai.truedy.loader.intake.OverlongRowException;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowListener;
import ai.truedy.loader.model.RowVerdict;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowVerdict.Rejected;
import ai.truedy.loader.model.SourceRow;
import org.apache.camel.ExchangeProperty;

/**
 * Groups a file's contacts into API-sized batches, one batch call id each, in file order.
 * Rows are read lazily as the route's streaming split asks for the next batch, so a file of any
 * size is held in memory one batch (per batch call id) at a time. Every row read, rejected or
 * sent with a warning is told to the file's {@link FileRows#listener()}.
 */
public final class ContactBatches {

    private final BooleanSupplier stopping;
    private final Duration progressInterval;
    private final Supplier<String> turns;

    /**
     * @param stopping whether the loader is stopping: a file then ends where it is, cut short
     * @param turns    the batch calls being served and their batches waiting, in words, for the progress line
     */
    public ContactBatches(BooleanSupplier stopping, Duration progressInterval, Supplier<String> turns) {
        this.stopping = stopping;
        this.progressInterval = progressInterval;
        this.turns = turns;
    }

    /** After the split: waits until every batch handed out has been settled by its sender. */
    public void awaitSent(@ExchangeProperty(FileRows.PROPERTY) FileRows file) throws InterruptedException {
        file.inFlight().awaitAllSettled();
    }

    /** The batches of the file, for the route's split. */
    public Iterator<Batch> of(@ExchangeProperty(FileRows.PROPERTY) FileRows file) {
        return new BatchIterator(file, file.batchSize(), stopping,
                new ReadProgress(file.name(), file.source()::fractionRead, progressInterval, turns));
    }

    /** Rows read before the file's length in rows is estimated (for the duplicate check's table). */
    static final int SIZE_SAMPLE_ROWS = 4_096;

    private static final class BatchIterator implements Iterator<Batch> {
        private final FileRows file;
        private final RowListener rows;
        private final BooleanSupplier stopping;
        private final ReadProgress progress;
        private final OpenBatches open;
        private final Deque<Batch> full = new ArrayDeque<>();
        private boolean rowsEnded;
        private long rowsRead;

        BatchIterator(FileRows file, int batchSize, BooleanSupplier stopping, ReadProgress progress) {
            this.file = file;
            this.rows = file.listener();
            this.progress = progress;
            this.open = new OpenBatches(batchSize);
            this.stopping = stopping;
        }

        /** How many rows the file holds, from how far its first rows reach into it (none if that is not known). */
        private void expectRows() {
            double fraction = file.source().fractionRead();
            if (fraction > 0 && fraction < 1) {
                file.contacts().expectRows((long) (rowsRead / fraction));
            }
        }

        /**
         * When the loader is stopping, or the file's journal can no longer be kept here, the file
         * ends here and is reported as cut short instead of done.
         */
        @Override
        public boolean hasNext() {
            if (stopping.getAsBoolean() || file.inFlight().isCutShort()) {
                file.inFlight().cutShort();
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
                file.inFlight().handOut();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to send the next batch", e);
            }
            return full.removeFirst();
        }

        private void readRow() {
            SourceRow row;
            try {
                row = file.source().nextRow();
            } catch (OverlongRowException e) {
                rows.rowRead();
                List<String> header = file.source().header();
                rows.rejected(new SourceRow(e.row(), new String[0]), RejectReason.FIELD_TOO_LONG,
                        e.getMessage() + ", in column " + (e.column() + 1)
                                + (e.column() < header.size() ? " (" + header.get(e.column()) + ")" : "") + ": not read");
                return;
            } catch (MalformedRowException e) {
                rows.rowRead();
                rows.rejected(new SourceRow(e.row(), e.cells()), RejectReason.MALFORMED_ROW,
                        "cannot parse (" + e.getMessage() + "): " + e.rawText());
                return;
            } catch (FileChangedException e) {
                rowsEnded = true; // the split ends normally, so the batches handed out are still sent
                file.inFlight().failed(e);
                return;
            }
            if (row == null) {
                rowsEnded = true;
                if (stopping.getAsBoolean()) {
                    file.inFlight().cutShort(); // the end may be only where the loader stopped waiting for more
                    return;
                }
                full.addAll(open.rest());
                return;
            }
            rows.rowRead();
            progress.rowRead();
            if (++rowsRead == SIZE_SAMPLE_ROWS) {
                expectRows();
            }
            String notToSend = file.notToSend().apply(row);
            if (notToSend != null) {
                rows.rejected(row, RejectReason.READ_WHILE_WRITTEN, notToSend);
                return;
            }
            RowVerdict verdict = file.contacts().read(row);
            if (verdict instanceof Rejected rejected) {
                rows.rejected(rejected.row(), rejected.reason(), rejected.detail());
            } else if (verdict instanceof Ready ready) {
                ready.warnings().forEach(warning -> rows.warned(ready.row(), warning));
                Batch filled = open.add(ready);
                if (filled != null) {
                    full.addLast(filled);
                }
            }
        }
    }
}
