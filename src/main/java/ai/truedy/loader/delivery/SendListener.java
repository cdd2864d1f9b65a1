package ai.truedy.loader.delivery;

import java.time.Duration;

/** Told of every try: the metrics and the console listen. */
public interface SendListener {

    /**
     * @param httpStatus       the answer's status, or null when there was none (refused, reset, timeout)
     * @param acceptedContacts contacts the answer accepted
     */
    void answered(Integer httpStatus, int acceptedContacts, Duration latency);

    /** Tells each of them, in turn. */
    static SendListener all(SendListener... listeners) {
        return (httpStatus, acceptedContacts, latency) -> {
            for (SendListener listener : listeners) {
                listener.answered(httpStatus, acceptedContacts, latency);
            }
        };
    }
}
