package ai.truedy.loader.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which re-drive round a file is: {@code list.csv} is round 0, the rows of it that wait in retry/
 * become {@code list.retry-1.csv}, whose own leftovers become {@code list.retry-2.csv}, and so on.
 *
 * @param base  the name the rounds share ({@code list})
 * @param round 0 for a file dropped by people, n for the n-th re-drive
 */
public record RetryRound(String base, int round) {

    private static final Pattern RETRY_FILE = Pattern.compile("^(.+)\\.retry-(\\d{1,4})\\.[^.]+$");

    public static RetryRound of(String fileName) {
        Matcher retry = RETRY_FILE.matcher(fileName);
        if (retry.matches()) {
            return new RetryRound(retry.group(1), Integer.parseInt(retry.group(2)));
        }
        return new RetryRound(FileName.of(fileName).base(), 0);
    }

    /** The file name the rows to send again in the next round are written to. */
    public String nextFileName() {
        return base + ".retry-" + (round + 1) + ".csv";
    }
}
