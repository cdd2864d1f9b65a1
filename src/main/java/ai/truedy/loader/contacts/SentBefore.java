package ai.truedy.loader.contacts;

/**
 * Numbers a batch call already has: those Truedy accepted for it lately ({@code loader.sent-memory}).
 * Truedy skips a number a batch call already has, so sending it again spends the request budget
 * for nothing.
 */
@FunctionalInterface
public interface SentBefore {

    /** Nothing is remembered: every row is sent. */
    SentBefore NONE = (batchCallId, e164) -> null;

    /** When and from which file the number was accepted for the batch call, in words; null when it was not. */
    String sentBefore(String batchCallId, String e164);
}
