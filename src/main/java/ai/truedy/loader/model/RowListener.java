package ai.truedy.loader.model;

/**
 * Told of each row as a file is read into contacts: read, rejected with a reason, or sent with a
 * warning. The file's ledger (reporting) listens; the readers do not know who does.
 */
public interface RowListener {

    /** A data row was read; it must end up accepted, rejected or pending retry. */
    void rowRead();

    void rejected(SourceRow row, RejectReason reason, String detail);

    /** A row that is sent anyway, but with something left out. */
    void warned(SourceRow row, RowWarning warning);
}
