package ai.truedy.loader.wiring;

import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.sandbox.TruedySandbox;
import ai.truedy.loader.wiring.settings.LoaderSettings;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a load sends, and with which key: Truedy ({@code truedy.base-url}, {@code truedy.api-key}),
 * or, with no key set, the built-in sandbox, started here with Camel.
 */
public record ApiEndpoint(String baseUrl, ApiKey key) {

    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);

    static ApiEndpoint of(LoaderSettings settings, CamelContext context) throws Exception {
        if (!settings.api().useSandbox()) {
            LOG.info("Sending to {} (batches of at most {})", settings.api().baseUrl(), settings.api().batchSize());
            return new ApiEndpoint(settings.api().baseUrl(), settings.api().apiKey());
        }
        TruedySandbox sandbox = TruedySandbox.start(settings.running().sandboxPort(), settings.running().sandboxDir());
        context.addService(sandbox, true, true);
        LOG.warn("*** SANDBOX MODE: truedy.api-key is empty, so contacts go to the built-in sandbox at {}, "
                + "not to Truedy. What it receives is kept in {}. Set TRUEDY_API_KEY to send for real. ***",
                sandbox.baseUrl(), settings.running().sandboxDir());
        return new ApiEndpoint(sandbox.baseUrl(), new ApiKey(sandbox.apiKey()));
    }
}
