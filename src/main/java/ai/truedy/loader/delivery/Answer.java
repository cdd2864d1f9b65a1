package ai.truedy.loader.delivery;

import java.io.IOException;

/**
 * What one try got back: the API's status and body, or no answer at all (connection refused or
 * reset, a timeout), which is the only failure the send policy tries again for.
 *
 * @param status     the HTTP status, 0 when there was no answer
 * @param retryAfter the Retry-After header, if the API sent one
 * @param failure    why there was no answer, or null
 */
record Answer(int status, String body, String retryAfter, IOException failure) {

    static Answer none(IOException failure) {
        return new Answer(0, null, null, failure);
    }
}
