package ai.truedy.loader.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

import ai.truedy.loader.model.FileDigests;

/**
 * How a file's journal is known: by the SHA-256 of its content (and, for a re-driven retry file,
 * its name) for the batch call its rows go to when they do not say: its inbox sub-folder's, else
 * {@code truedy.batch-call-id}. The same content is then known again for the same batch call
 * (the duplicate window), and loaded afresh for another. Journals written before keys named the
 * batch call (0.1) are known by the content alone; such a journal is taken for a file in the same
 * inbox folder as the file it was written for.
 */
public final class JournalKeys {

    private final String defaultBatchCallId;

    /** @param defaultBatchCallId {@code truedy.batch-call-id}: the batch call of a file in the inbox itself */
    public JournalKeys(String defaultBatchCallId) {
        this.defaultBatchCallId = defaultBatchCallId;
    }

    /** The key of a file's content read so far ({@code contentRead} is used up), for its batch call. */
    public String of(MessageDigest contentRead, Path file, boolean byName, String relativePath) {
        return forBatchCall(contentOnly(contentRead, file, byName), relativePath);
    }

    /** The key of content known by its content alone (a 0.1 key), for the batch call of the file at {@code relativePath}. */
    public String forBatchCall(String contentKey, String relativePath) {
        MessageDigest sha256 = FileDigests.sha256();
        sha256.update((contentKey + "\n" + batchCallOf(relativePath)).getBytes(StandardCharsets.UTF_8));
        return FileDigests.hex(sha256.digest());
    }

    /** The key a journal had before keys named the batch call: the content (and name) alone. */
    static String contentOnly(MessageDigest contentRead, Path file, boolean byName) {
        return StateStore.key(contentRead, file, byName);
    }

    /** Whether a journal known by its content alone was written for a file of the same batch call (the same inbox folder). */
    public static boolean sameBatchCall(String journaledFile, String relativePath) {
        return folderOf(journaledFile).equals(folderOf(relativePath));
    }

    /** The batch call of a file's rows that do not say: its inbox sub-folder's name, else the default. */
    public String batchCallOf(String relativePath) {
        String folder = folderOf(relativePath);
        return folder.isEmpty() ? defaultBatchCallId : folder;
    }

    private static String folderOf(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash > 0 ? relativePath.substring(0, slash) : "";
    }
}
