package ai.truedy.loader.state;

import ai.truedy.loader.model.SettledBatch;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a file's journal, as JSON: exactly one of its parts is set. A journal is read back
 * line by line into a {@link JournalHistory}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalLine(FileJournal.Start start, SettledBatch batch, FileJournal.Done done, Resumed resumed,
                   Stopped stopped, Regrown regrown) {

    /** A restart found the file interrupted; {@code afterCrash} when it was not stopped gracefully. */
    record Resumed(String at, boolean afterCrash) {
    }

    /** The file was left in the inbox on purpose: a graceful stop, or it was set aside. */
    record Stopped(String at) {
    }

    /** The archived original grew: it is read again. */
    record Regrown(String at, long size) {
    }

    static JournalLine of(Object part) {
        return new JournalLine(part instanceof FileJournal.Start s ? s : null, part instanceof SettledBatch b ? b : null,
                part instanceof FileJournal.Done d ? d : null, part instanceof Resumed r ? r : null,
                part instanceof Stopped s ? s : null, part instanceof Regrown g ? g : null);
    }
}
