package ai.truedy.loader.sink;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of the contacts of one message: the body the Kamelet sink leaves on the message.
 *
 * @param received       contacts in the message
 * @param accepted       contacts Truedy took
 * @param rejected       contacts that will not be sent, with the reason code (as in rejected.csv) and detail
 * @param warnings       contacts sent with something left out, with the warning code and detail
 * @param notSent        contacts that could not be sent now, as they came
 * @param warnings       contacts sent with something left out, with the warning code and detail
 * @param notSentBecause why, for the last batch that could not be sent
 */
public record SinkResult(long received, long accepted, List<Note> rejected, List<Note> warnings,
                         @JsonIgnore List<JsonNode> notSent,
                         @JsonIgnore String notSentBecause) {

    /** One contact rejected (or sent with a warning), by its 0-based position in the message, with the code and detail. */
    public record Note(int index, String reason, String detail) {
    }

    /** Contacts that could not be sent now. */
    @JsonProperty
    public int notSentCount() {
        return notSent.size();
    }

    /** Rejected contacts by reason code. */
    @JsonProperty
    public Map<String, Long> reasons() {
        Map<String, Long> reasons = new TreeMap<>();
        rejected.forEach(rejection -> reasons.merge(rejection.reason(), 1L, Long::sum));
        return reasons;
    }
}
