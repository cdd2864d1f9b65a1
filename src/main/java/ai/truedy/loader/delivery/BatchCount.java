package ai.truedy.loader.delivery;

import java.util.Map;

/**
 * A batch call's batches: waiting for a sender, and held by a sender (waiting for the budget, or sent).
 */
public record BatchCount(int waiting, int sending) {

    /** Counts by batch call in words, such as "bc_a 2 waiting, 1 sending; bc_b 1 sending". */
    public static String inWords(Map<String, BatchCount> counts) {
        StringBuilder words = new StringBuilder();
        counts.forEach((id, count) -> words.append(words.isEmpty() ? "" : "; ").append(id)
                .append(count.waiting() > 0 ? " " + count.waiting() + " waiting" : "")
                .append(count.waiting() > 0 && count.sending() > 0 ? "," : "")
                .append(count.sending() > 0 ? " " + count.sending() + " sending" : ""));
        return words.toString();
    }
}
