package ai.truedy.loader.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@link InboxTurns} holds back, and until when: a folder whose file is being loaded here (its
 * later files are left out of listings), all files while every place is taken, and per folder the
 * oldest file refused a place, which goes before the folder's later files. Not thread-safe: used
 * under the lock of its {@code InboxTurns}.
 */
final class InboxHolds {

    private final Set<String> foldersOnHold = new HashSet<>();
    /** Per folder, its oldest file refused a place (arrival order): no later file of it is taken before it. */
    private final Map<String, String> nextInLine = new HashMap<>();
    private boolean placesOnHold;
    private int leftOut;

    /** A listing leaves the folder's files out while it is on hold; counted for {@link #leftOutSinceAsked()}. */
    boolean leavesOut(String folder) {
        if (foldersOnHold.contains(folder)) {
            leftOut++;
            return true;
        }
        return false;
    }

    /** Files listings left out since the last call: files this instance takes itself once their folder frees. */
    int leftOutSinceAsked() {
        int count = leftOut;
        leftOut = 0;
        return count;
    }

    /** Whether waiting for a place is already known to be in vain: the folder, or every place, is on hold. */
    boolean onHold(String folder, boolean placesFull) {
        return placesFull ? placesOnHold : foldersOnHold.contains(folder);
    }

    /** Waited in vain for a place: the folder (or every place) is on hold until a file here is done. */
    void gaveUp(String folder, boolean placesFull) {
        if (placesFull) {
            placesOnHold = true;
        } else {
            foldersOnHold.add(folder);
        }
    }

    /** The file was refused a place: the folder's later files wait for it, unless an earlier one does already. */
    void refused(String folder, String key) {
        nextInLine.putIfAbsent(folder, key);
    }

    /** Whether an earlier file of the folder was refused a place and is still in the inbox: it goes first. */
    boolean olderFileWaits(String folder, String key) {
        String first = nextInLine.get(folder);
        if (first == null || first.equals(key)) {
            return false;
        }
        if (Files.exists(Path.of(first))) {
            return true;
        }
        nextInLine.remove(folder); // taken by another instance, or deleted
        return false;
    }

    void taken(String folder, String key) {
        nextInLine.remove(folder, key);
    }

    /** A file of the folder is done here; returns whether files were held back that may go now. */
    boolean freed(String folder) {
        boolean held = foldersOnHold.remove(folder) || placesOnHold;
        placesOnHold = false;
        return held;
    }

    void clear() {
        foldersOnHold.clear();
        nextInLine.clear();
        placesOnHold = false;
        leftOut = 0;
    }
}
