package ai.truedy.loader.sink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.truedy.loader.LoaderSettings;
import ai.truedy.loader.SettingsReader;
import ai.truedy.loader.batching.OpenBatches;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.ApiAnswers;
import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.delivery.DeliverySettings;
import ai.truedy.loader.delivery.SendGate;
import ai.truedy.loader.delivery.SendPolicy;
import ai.truedy.loader.delivery.TruedyRequest;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.RejectReason;
import ai.truedy.loader.model.RowVerdict;
import ai.truedy.loader.model.RowVerdict.Ready;
import ai.truedy.loader.model.RowVerdict.Rejected;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.observability.LoaderMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean behind the {@code truedy-batch-contacts-sink} Kamelet. It reads the contacts of a
 * message (a JSON object or array) by the loader's rules, groups them into batches, and drives
 * the same {@link TruedyRequest} and {@link SendPolicy} as the file routes: request budget,
 * back-off, 429 pauses, 422 partial rejects, auth pauses. The Kamelet sets its properties; they are
 * checked together when the first message comes.
 */
public final class ContactSink {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSink.class);
    private static final String SUMMARY_LINE = "Truedy sink: {} contacts received, {} accepted, {} rejected {}, {} not sent";

    /** Contacts Truedy accepted, on the message after the Kamelet. */
    public static final String ACCEPTED_HEADER = "TruedyContactsAccepted";
    /** Contacts rejected with a reason. */
    public static final String REJECTED_HEADER = "TruedyContactsRejected";
    /** The summary, when the message fails with {@link ContactsNotSentException} and the body holds the contacts not sent. */
    public static final String RESULT_HEADER = "TruedySinkResult";

    private final Map<String, String> properties = new HashMap<>();
    private final ObjectMapper json = ApiJson.mapper();
    private volatile Parts parts;

    /** What the sink is made of once its properties are read. */
    private record Parts(String batchCallId, int batchSize, PhoneNormalizer phones, TruedyRequest request,
                         SendPolicy policy, LoaderMetrics metrics) {
    }

    public void setBatchCallId(String value) {
        properties.put("batchCallId", value);
    }

    public void setApiKey(String value) {
        properties.put("apiKey", value);
    }

    public void setBatchSize(String value) {
        properties.put("batchSize", value);
    }

    public void setDefaultRegion(String value) {
        properties.put("defaultRegion", value);
    }

    public void setPhoneValidation(String value) {
        properties.put("phoneValidation", value);
    }

    public void setRequestsPerMinute(String value) {
        properties.put("requestsPerMinute", value);
    }

    public void setConcurrency(String value) {
        properties.put("concurrency", value);
    }

    public void setMaxAttempts(String value) {
        properties.put("maxAttempts", value);
    }

    public void setInitialDelay(String value) {
        properties.put("initialDelay", value);
    }

    public void setMaxDelay(String value) {
        properties.put("maxDelay", value);
    }

    public void setRateLimitMaxWait(String value) {
        properties.put("rateLimitMaxWait", value);
    }

    public void setAuthPause(String value) {
        properties.put("authPause", value);
    }

    /**
     * The message's contacts in batches, for the Kamelet's split. Contacts that cannot be sent
     * (no phone number, an invalid one, a repeat in the message) are rejected here.
     */
    public List<Batch> batches(Exchange exchange) throws InvalidPayloadException {
        Parts sink = parts(exchange.getContext());
        ReceivedContacts contacts = ReceivedContacts.of(ReceivedContacts.json(exchange.getMessage(), json));
        MessageOrigin origin = new MessageOrigin("message " + exchange.getExchangeId(), contacts);
        exchange.setProperty(BatchOrigin.PROPERTY, origin);
        OpenBatches open = new OpenBatches(sink.batchSize());
        List<Batch> batches = new ArrayList<>();
        try (ContactRows rows = new ContactRows(ReceivedContacts.COLUMNS, sink.phones(), sink.batchCallId(), scratch())) {
            for (SourceRow row : contacts.rows()) {
                RowVerdict verdict = contacts.original(row.number()).isObject() ? rows.read(row)
                        : new Rejected(row, RejectReason.MALFORMED_ROW, "not a JSON object");
                if (verdict instanceof Rejected rejected) {
                    origin.reject(row, rejected.reason(), rejected.reason() == RejectReason.MISSING_PHONE
                            ? "no phone_number (or phone, mobile) field" : rejected.detail());
                } else if (verdict instanceof Ready ready) {
                    ready.warnings().forEach(warning -> origin.warn(row, warning));
                    Optional.ofNullable(open.add(ready)).ifPresent(batches::add);
                }
            }
        }
        batches.addAll(open.rest());
        return batches;
    }

    /** Once per batch, as on the file routes. */
    public void prepare(Exchange exchange) throws InvalidPayloadException {
        parts.request().prepare(exchange);
    }

    public void awaitTurn(Exchange exchange) throws InterruptedException {
        parts.policy().awaitTurn(exchange);
    }

    public void attempt(Exchange exchange) throws JsonProcessingException {
        parts.request().attempt(exchange);
    }

    public void afterAnswer(Exchange exchange) {
        parts.policy().afterAnswer(exchange);
    }

    /**
     * After every batch is settled: the message body becomes the outcome of each contact
     * ({@link SinkResult} as JSON). When some could not be sent now, the message fails instead with
     * {@link ContactsNotSentException}, holding only those contacts, so the route's error handler keeps them;
     * the summary is then in the {@value #RESULT_HEADER} header.
     */
    public String result(Exchange exchange) throws JsonProcessingException {
        SinkResult result = exchange.getProperty(BatchOrigin.PROPERTY, MessageOrigin.class).result();
        exchange.removeProperty(BatchOrigin.PROPERTY);
        LoaderMetrics metrics = parts.metrics();
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
        Message message = exchange.getMessage();
        message.setHeader(ACCEPTED_HEADER, result.accepted());
        message.setHeader(REJECTED_HEADER, result.rejected().size());
        if (result.notSentCount() > 0) {
            message.setHeader(RESULT_HEADER, summary);
            message.setBody(json.writeValueAsString(result.notSent()));
            throw new ContactsNotSentException(result);
        }
        return summary;
    }

    private Parts parts(CamelContext context) {
        Parts sink = parts;
        if (sink == null) {
            synchronized (this) {
                if (parts == null) {
                    parts = read(context);
                }
                sink = parts;
            }
        }
        return sink;
    }

    /** Checks every property at once, so a bad Kamelet configuration is reported in one go. */
    private Parts read(CamelContext context) {
        SettingsReader in = new SettingsReader(name -> Optional.ofNullable(properties.get(name)));
        String batchCallId = in.text("batchCallId");
        ApiKey apiKey = new ApiKey(in.text("apiKey"));
        int batchSize = in.integer("batchSize", 1, LoaderSettings.MAX_BATCH_SIZE);
        PhoneNormalizer phones = new PhoneNormalizer(in.region("defaultRegion"), in.phoneValidation("phoneValidation"));
        DeliverySettings delivery = new DeliverySettings(
                in.integer("maxAttempts", 1, 100),
                in.duration("initialDelay"),
                in.duration("maxDelay"),
                in.integer("requestsPerMinute", 0, 1_000_000),
                in.integer("concurrency", 1, 64),
                in.duration("rateLimitMaxWait"),
                in.duration("authPause"));
        if (apiKey.isEmpty()) {
            in.problem("apiKey is empty");
        }
        in.failIfProblems();
        LoaderMetrics metrics = new LoaderMetrics(context, null, null);
        SendGate gate = new SendGate(delivery.requestsPerMinute(), delivery.concurrency());
        return new Parts(batchCallId, batchSize, phones, new TruedyRequest(json, apiKey),
                new SendPolicy(new ApiAnswers(json), gate, delivery, metrics), metrics);
    }

    private static Path scratch() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
