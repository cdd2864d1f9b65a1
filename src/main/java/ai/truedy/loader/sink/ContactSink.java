package ai.truedy.loader.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.truedy.loader.batching.OpenBatches;
import ai.truedy.loader.config.SettingsReader;
import ai.truedy.loader.contacts.ContactRows;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.ApiAnswers;
import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.delivery.BatchSender;
import ai.truedy.loader.delivery.DeliverySettings;
import ai.truedy.loader.delivery.SendGate;
import ai.truedy.loader.delivery.SendPolicy;
import ai.truedy.loader.delivery.SingleTryHttpClient;
import ai.truedy.loader.delivery.TruedyRequest;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.model.SourceRow;
import ai.truedy.loader.observability.LoaderMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * The bean behind the {@code truedy-batch-contacts-sink} Kamelet. It reads the contacts of a
 * message (a JSON object or array) by the loader's rules, groups them into batches, and sends them
 * through the loader's own send pipeline ({@link BatchSender}): request budget, back-off, 429
 * pauses, 422 partial rejects, auth pauses. The Kamelet sets its {@link SinkProperties}; they are
 * checked together when the first message comes, so that every bad one is reported at once.
 */
public final class ContactSink extends SinkProperties {

    /** Contacts Truedy accepted, on the message after the Kamelet. */
    public static final String ACCEPTED_HEADER = SinkOutcome.ACCEPTED_HEADER;
    /** Contacts rejected with a reason. */
    public static final String REJECTED_HEADER = SinkOutcome.REJECTED_HEADER;
    /** The summary, when the message fails with {@link ContactsNotSentException} and the body holds the contacts not sent. */
    public static final String RESULT_HEADER = SinkOutcome.RESULT_HEADER;

    private static final String MESSAGE = "truedySinkMessage";

    private final ObjectMapper json = ApiJson.mapper();
    private volatile Parts parts;

    /** What the sink is made of once its properties are read. */
    private record Parts(String batchCallId, int batchSize, PhoneNormalizer phones, BatchSender sender,
                         SinkOutcome outcome) {
    }

    /**
     * The message's contacts in batches, for the Kamelet's split. Contacts that cannot be sent
     * (no phone number, an invalid one, a repeat in the message) are rejected here.
     */
    public List<Batch> batches(Exchange exchange) throws InvalidPayloadException {
        Parts sink = parts(exchange.getContext());
        ReceivedContacts contacts = ReceivedContacts.of(ReceivedContacts.json(exchange.getMessage(), json));
        MessageOrigin message = new MessageOrigin(contacts);
        exchange.setProperty(MESSAGE, message);
        exchange.setProperty(BatchOrigin.PROPERTY, new BatchOrigin("message " + exchange.getExchangeId(), message));
        OpenBatches open = new OpenBatches(sink.batchSize());
        List<Batch> batches = new ArrayList<>();
        try (ContactRows rows = ContactRows.inMemory(ReceivedContacts.COLUMNS, sink.phones(), sink.batchCallId())) {
            for (SourceRow row : contacts.rows()) {
                message.read(row, rows).ifPresent(ready -> Optional.ofNullable(open.add(ready)).ifPresent(batches::add));
            }
        }
        batches.addAll(open.rest());
        return batches;
    }

    /** Each batch, through the loader's send pipeline. */
    public void send(Exchange exchange) throws Exception {
        parts.sender().send(exchange);
    }

    /**
     * After every batch is settled: the message body becomes the outcome of each contact
     * ({@link SinkResult} as JSON). When some could not be sent now, the message fails instead with
     * {@link ContactsNotSentException}, holding only those contacts, so the route's error handler keeps them.
     */
    public String result(Exchange exchange) throws JsonProcessingException {
        MessageOrigin message = exchange.getProperty(MESSAGE, MessageOrigin.class);
        exchange.removeProperty(MESSAGE);
        exchange.removeProperty(BatchOrigin.PROPERTY);
        return parts.outcome().file(message.result(), exchange.getMessage());
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
        SettingsReader in = new SettingsReader(this::property);
        in.integer("batchSize", 1, Batch.MAX_SIZE);
        PhoneNormalizer phones = new PhoneNormalizer(in.region("defaultRegion"), in.phoneValidation("phoneValidation"));
        DeliverySettings delivery = new DeliverySettings(
                in.integer("maxAttempts", 1, 100),
                in.duration("initialDelay"),
                in.duration("maxDelay"),
                in.integer("requestsPerMinute", 0, 1_000_000),
                in.integer("concurrency", 1, 64),
                in.duration("rateLimitMaxWait"),
                in.duration("authPause"));
        SingleTryHttpClient client = new SingleTryHttpClient(in.duration("connectTimeout"), in.duration("readTimeout"));
        String baseUrl = in.url("baseUrl");
        ApiKey apiKey = new ApiKey(in.text("apiKey"));
        if (apiKey.isEmpty()) {
            in.problem("apiKey is empty");
        }
        in.failIfProblems();
        String clientName = "truedySinkHttpClient-" + Integer.toHexString(System.identityHashCode(this));
        context.getRegistry().bind(clientName, client);
        LoaderMetrics metrics = new LoaderMetrics(context, null, null, null);
        SendPolicy policy = new SendPolicy(new ApiAnswers(json),
                new SendGate(delivery.requestsPerMinute(), delivery.concurrency()), delivery, metrics);
        BatchSender sender = new BatchSender(new TruedyRequest(json, apiKey), policy,
                baseUrl + "?throwExceptionOnFailure=false&httpClientConfigurer=#bean:" + clientName);
        return new Parts(in.text("batchCallId"), getBatchSize(), phones, sender, new SinkOutcome(json, metrics));
    }
}
