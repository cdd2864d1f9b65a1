package ai.truedy.loader.delivery;

import java.time.Duration;

/** Told of every try: the metrics listen. */
public interface SendListener {

    /**
     * @param httpStatus       the answer's status, or null when there was none (refused, reset, timeout)
     * @param acceptedContacts contacts the answer accepted
     */
    void answered(Integer httpStatus, int acceptedContacts, Duration latency);
}
