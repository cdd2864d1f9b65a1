package ai.truedy.loader.intake;

import java.io.Closeable;
import java.util.List;

import ai.truedy.loader.model.SourceRow;

/**
 * The rows of one input file, whatever its format: one implementation per format, chosen by
 * {@link RowSources} from the file's extension. Rows are read one at a time, so memory does not
 * grow with the file.
 */
public interface RowSource extends Closeable {

    /** The header's cells, as the file has them. */
    List<String> header();

    /** The rows above the header (a title, a date), which are not data: see {@link HeaderSearch}. */
    long rowsAboveHeader();

    /**
     * The next data row, or null at the end of the file. Rows are numbered by their place in the file: from 1
     * after a header in the first row, from n + 1 after a header with n rows above it.
     *
     * @throws MalformedRowException  for a row that cannot be read; the next call goes on after it
     * @throws OverlongRowException   for a row too long to read; the next call goes on after it
     * @throws FileChangedException   when the file was rewritten while it was read: reading ends
     */
    SourceRow nextRow();

    /** The last row read, when it was read whole; null before the first. */
    SourceRow lastRow();

    /** How much of the file has been read, from 0 to 1. */
    double fractionRead();

    /** What was read of the file, once every row has been: for the journal and the settle watch. */
    ReadContent content();
}
