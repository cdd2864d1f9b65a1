package ai.truedy.loader.sink;

import ai.truedy.loader.observability.LoaderMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files what became of a message's contacts: the metrics, one log line, the headers and the body. */
final class SinkOutcome {

    static final String ACCEPTED_HEADER = "TruedyContactsAccepted";
    static final String REJECTED_HEADER = "TruedyContactsRejected";
    static final String RESULT_HEADER = "TruedySinkResult";

    private static final Logger LOG = LoggerFactory.getLogger(ContactSink.class);
    private static final String SUMMARY_LINE = "Truedy sink: {} contacts received, {} accepted, {} rejected {}, {} not sent";

    private final ObjectMapper json;
    private final LoaderMetrics metrics;

    SinkOutcome(ObjectMapper json, LoaderMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * @return the summary, the message's new body
     * @throws ContactsNotSentException when some contacts could not be sent now: the body then holds only them
     */
    String file(SinkResult result, Message message) throws JsonProcessingException {
        metrics.rows("accepted", null, result.accepted());
        result.reasons().forEach((reason, count) -> metrics.rows("rejected", reason, count));
        metrics.rows("retry", null, result.notSentCount());
        Object[] counts = {result.received(), result.accepted(), result.rejected().size(), result.reasons(),
                result.notSentCount()};
        if (result.accepted() == result.received()) { // one line per message: quiet when every contact went through
            LOG.debug(SUMMARY_LINE, counts);
        } else {
            LOG.info(SUMMARY_LINE, counts);
        }
        String summary = json.writeValueAsString(result);
        message.setHeader(ACCEPTED_HEADER, result.accepted());
        message.setHeader(REJECTED_HEADER, result.rejected().size());
        if (result.notSentCount() > 0) {
            message.setHeader(RESULT_HEADER, summary);
            message.setBody(json.writeValueAsString(result.notSent()));
            throw new ContactsNotSentException(result);
        }
        return summary;
    }
}
