package ai.truedy.loader.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Which inbox files are taken, and when. The inbox route lists files through this ({@code filter:
 * "#bean:inboxTurns"}) and claims each through it ({@code idempotentRepository: "#fileClaims"}) before
 * reading it; a file not taken now is left for a later poll, with nothing held. A file is taken:
 * <ul>
 * <li>while fewer than {@code loader.parallel-files} files are being loaded here;</li>
 * <li>with {@code loader.arrival-order}, only once no other file of its inbox folder (its batch call)
 * is being loaded, here or, in a cluster, by another instance: the inbox is sorted in the order
 * files arrived, so a folder's files go one after the other, oldest first;</li>
 * <li>in service mode, only once it has been unchanged for {@code loader.read-lock-min-age}: a copy
 * under way is passed over rather than waited for, so that it holds up no other file;</li>
 * <li>once its ready marker is there ({@code loader.ready-marker}), and its claim is taken: in this
 * process, or among all instances ({@code claims}).</li>
 * </ul>
 * Where only a place is missing, the claim waits for one up to {@code loader.poll-delay}, so that a
 * folder of small files flows within one listing of the inbox; a folder (or all the places) still
 * held after that is on hold: its files are left out of the listing until it frees, so that they
 * never crowd other folders' files out of a poll. When it frees, the inbox is listed again at once
 * ({@code freed}), so that the next file starts without waiting for the next poll.
 */
public final class InboxTurns implements IdempotentRepository, GenericFileFilter<File> {

    /** Which folders other instances are loading a file of: as known lately (listing), and now (claiming). */
    public record Elsewhere(Supplier<Set<String>> lately, Predicate<String> now) {
        /** One instance alone. */
        public static final Elsewhere NONE = new Elsewhere(Set::of, folder -> false);
    }

    /**
     * @param quietFor how long a file must have been unchanged to be taken; zero to leave the wait to
     *                 the read lock (once mode, where the run waits for what is in the inbox)
     * @param patience how long a claim waits for a place: {@code loader.poll-delay}
     * @param renameBackslashes rename a file whose name holds a backslash, which cannot be taken as it
     *                          is ({@link ListableFiles}); a preview, which changes nothing, does not
     */
    public record Settings(Path inbox, int parallelFiles, boolean arrivalOrder, Duration quietFor, Duration patience,
                           boolean renameBackslashes) {
    }

    private final IdempotentRepository claims;
    private final GenericFileFilter<File> marker;
    private final Path inbox;
    private final ListableFiles listable;
    private final Settings settings;
    private final Elsewhere elsewhere;
    private final BooleanSupplier stopping;
    private final Runnable freed;
    /** The files taken here, by claim key, with their inbox folder ("" for the inbox itself). */
    private final Map<String, String> taken = new HashMap<>();
    private final InboxHolds holds = new InboxHolds();

    /**
     * @param claims   the claims proper: Camel's memory repository, or the cluster's table
     * @param marker   the ready marker filter
     * @param freed    asks for the inbox to be listed now: a folder or a place on hold has freed
     */
    public InboxTurns(IdempotentRepository claims, GenericFileFilter<File> marker, Settings settings, Elsewhere elsewhere,
                      BooleanSupplier stopping, Runnable freed) {
        this.claims = claims;
        this.marker = marker;
        this.inbox = settings.inbox().toAbsolutePath().normalize();
        this.settings = settings;
        this.listable = new ListableFiles(settings.renameBackslashes());
        this.elsewhere = elsewhere;
        this.stopping = stopping;
        this.freed = freed;
    }

    /** Lists a file unless it may not be listed at all, waits for its marker, or its folder is on hold. */
    @Override
    public boolean accept(GenericFile<File> file) {
        if (!listable.listable(file)) {
            return false;
        }
        if (file.isDirectory()) {
            return true;
        }
        if (!marker.accept(file)) {
            return false;
        }
        String folder = folderOf(file.getAbsoluteFilePath());
        synchronized (this) {
            if (settings.arrivalOrder() && holds.leavesOut(folder)) {
                return false;
            }
        }
        return !(settings.arrivalOrder() && elsewhere.lately().get().contains(folder));
    }

    /** How many names in the inbox this loader cannot read (their files stay where they are). */
    public int unreadableNames() {
        return listable.unreadable();
    }

    /** Takes the file (its absolute path) if it may be taken now, waiting a little for a place. */
    @Override
    public synchronized boolean add(String key) {
        String folder = folderOf(key);
        if (taken.containsKey(key) || settings.arrivalOrder() && holds.olderFileWaits(folder, key)) {
            return false;
        }
        if (!awaitPlace(folder) || settings.arrivalOrder() && elsewhere.now().test(folder)) {
            if (settings.arrivalOrder()) {
                holds.refused(folder, key);
            }
            return false;
        }
        if (!quiet(Path.of(key)) || !claims.add(key)) {
            return false;
        }
        holds.taken(folder, key);
        taken.put(key, folder);
        return true;
    }

    /** The file was moved out of the inbox, or left there for later: its place is free. */
    @Override
    public boolean remove(String key) {
        boolean removed = claims.remove(key);
        boolean filesWait = false;
        synchronized (this) {
            String folder = taken.remove(key);
            if (folder != null) {
                filesWait = holds.freed(folder);
                notifyAll();
            }
        }
        if (filesWait) {
            freed.run();
        }
        return removed;
    }

    /** Files taken and not yet moved out or left. */
    public synchronized int taken() {
        return taken.size();
    }

    /**
     * Files taken and not yet moved out or left, and files a listing left out since the last call
     * because their folder's file is being loaded here: while there are any, a run with --once is not
     * over, even if the inbox's last listing came back empty.
     */
    public synchronized int pending() {
        return taken.size() + holds.leftOutSinceAsked();
    }

    /** Waits up to the patience for a place here; on giving up, puts the folder (or all places) on hold. */
    private boolean awaitPlace(String folder) {
        long deadline = System.nanoTime() + settings.patience().toNanos();
        while (true) {
            boolean full = taken.size() >= settings.parallelFiles();
            boolean folderBusy = settings.arrivalOrder() && taken.containsValue(folder);
            if (!full && !folderBusy) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (stopping.getAsBoolean() || holds.onHold(folder, full) || left <= 0) {
                if (left <= 0) {
                    holds.gaveUp(folder, full);
                }
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean quiet(Path file) {
        if (settings.quietFor().isZero()) {
            return true;
        }
        try {
            return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - settings.quietFor().toMillis();
        } catch (IOException gone) {
            return false;
        }
    }

    /** The file's inbox sub-folder, "" for a file in the inbox itself. */
    private String folderOf(String absolutePath) {
        Path path = Path.of(absolutePath).toAbsolutePath().normalize();
        Path relative = path.startsWith(inbox) ? inbox.relativize(path) : path.getFileName();
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }

    @Override
    public boolean contains(String key) {
        return claims.contains(key);
    }

    @Override
    public boolean confirm(String key) {
        return claims.confirm(key);
    }

    @Override
    public synchronized void clear() {
        claims.clear();
        taken.clear();
        holds.clear();
    }

    @Override
    public void start() {
        claims.start();
    }

    @Override
    public void stop() {
        claims.stop();
    }

    @Override
    public String toString() {
        return "inbox turns (" + settings.parallelFiles() + " files at once) over " + claims;
    }
}
