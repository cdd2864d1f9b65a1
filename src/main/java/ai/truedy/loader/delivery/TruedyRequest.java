package ai.truedy.loader.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ai.truedy.loader.model.Batch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMethods;

/**
 * Turns a batch into the "Add Contacts to Batch Call" request: the JSON body, the bearer token and
 * the URL-encoded batch call id for the path. Only these headers go out: the file's headers are
 * dropped, so nothing about the local file leaks to the API.
 */
public final class TruedyRequest {

    private final ObjectMapper json;
    private final ApiKey apiKey;

    public TruedyRequest(ObjectMapper json, ApiKey apiKey) {
        this.json = json;
        this.apiKey = apiKey;
    }

    /**
     * Before each try: the JSON body of what is left to send, and the only headers that go out,
     * with the path of its batch call (the id URL-encoded: a '/' in it stays %2F).
     */
    void write(Message message, Batch batch) throws JsonProcessingException {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST); // as the producer reads it: no conversion per request
        message.setHeader(Exchange.HTTP_PATH, "/batch-calls/" + pathSegment(batch.batchCallId()) + "/contacts");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        message.setHeader("Authorization", apiKey.bearer());
        message.setBody(json.writeValueAsBytes(Map.of("contacts", batch.contacts())));
    }

    /** Percent-encodes an id for one URL path segment (a space is %20, a slash %2F). */
    static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Drops the request's secrets from the message once the call is over. */
    static void forget(Message message) {
        message.removeHeader("Authorization");
    }
}
