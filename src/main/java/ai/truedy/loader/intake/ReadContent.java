package ai.truedy.loader.intake;

import java.security.MessageDigest;

/**
 * What was read of a file, once all of it was.
 *
 * @param length       bytes read
 * @param digest       SHA-256 of those bytes, still open (a retry file's name is added to it)
 * @param headSha256   hex SHA-256 of its first bytes, to tell a file that grew from one rewritten
 * @param endsWithLine whether the last byte read was a line break (or nothing was read)
 */
public record ReadContent(long length, MessageDigest digest, String headSha256, boolean endsWithLine) {

    /** How many of the first bytes {@link #headSha256()} covers. */
    public static final int HEAD = 4096;

}
