package ai.truedy.loader.intake;

import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * When a file last changed, as far as the loader can tell: its modification time, except that a
 * time still in the future (a writer or a network share whose clock runs ahead) counts from the
 * moment the loader first saw it. Quiet is then measured from a time that has passed, so such a
 * file still settles instead of waiting until its clock is caught up with.
 */
final class LastChange {

    private FileTime seen;
    private Instant seenAt;

    /** Takes the file's modification time as it is now; returns whether it differs from the last one seen. */
    boolean look(FileTime modified, Instant now) {
        if (modified.equals(seen)) {
            return false;
        }
        seen = modified;
        seenAt = now;
        return true;
    }

    /** When the file last changed, never later than when that change was first seen. */
    Instant at() {
        Instant modified = seen.toInstant();
        return modified.isAfter(seenAt) ? seenAt : modified;
    }
}
