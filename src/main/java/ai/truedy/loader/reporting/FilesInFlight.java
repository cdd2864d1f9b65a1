package ai.truedy.loader.reporting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The files being loaded now, each with how far along it is: the console reads it. A file is here
 * from when its rows are opened until its outputs are written.
 */
public final class FilesInFlight {

    /**
     * How far along a file is.
     *
     * @param fractionRead how much of the file has been read, 0 to 1
     * @param batchCall    the batch call its turns at the budget are taken for: its folder's ("" for the inbox's own)
     * @param priority     that batch call's weight in the turns ({@code loader.priority})
     */
    public record Progress(String file, String startedAt, long rowsRead, long accepted, long rejected, long pendingRetry,
                           double fractionRead, String batchCall, int priority) {

        Progress takingTurnsAs(String batchCall, int priority) {
            return new Progress(file, startedAt, rowsRead, accepted, rejected, pendingRetry, fractionRead, batchCall,
                    priority);
        }

        /** Rows settled so far: accepted, rejected or pending retry. */
        public long settled() {
            return accepted + rejected + pendingRetry;
        }
    }

    private final Map<String, Supplier<Progress>> files = new ConcurrentHashMap<>();

    /** @param batchCall the batch call whose turns the file's batches take, and its weight in them */
    public void loading(String file, String batchCall, int priority, Supplier<Progress> progress) {
        files.put(file, () -> progress.get().takingTurnsAs(batchCall, priority));
    }

    public void finished(String file) {
        files.remove(file);
    }

    /** The files being loaded, oldest first. */
    public List<Progress> now() {
        return files.values().stream().map(Supplier::get)
                .sorted(Comparator.comparing(Progress::startedAt).thenComparing(Progress::file)).toList();
    }
}
