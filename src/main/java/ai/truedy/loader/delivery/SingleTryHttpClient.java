package ai.truedy.loader.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.util.TimeUtils;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client settings every request to Truedy needs, whatever the host application's http
 * component says (the file routes and the Kamelet set it on their endpoint): the client never re-sends a request by itself (it would after a 429 or 503, and the API
 * takes no idempotency key, so contacts would be added twice), and it gives up on a silent server
 * after the read timeout. Retries are {@code SendPolicy}'s alone.
 */
public final class SingleTryHttpClient implements HttpClientConfigurer {

    private long connectTimeoutMillis;
    private long readTimeoutMillis;

    /** For the Kamelet, which sets the timeouts as properties. */
    public SingleTryHttpClient() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public SingleTryHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.readTimeoutMillis = readTimeout.toMillis();
    }

    /** A duration such as 10s. */
    public void setConnectTimeout(String duration) {
        connectTimeoutMillis = TimeUtils.toMilliSeconds(duration);
    }

    public void setReadTimeout(String duration) {
        readTimeoutMillis = TimeUtils.toMilliSeconds(duration);
    }

    @Override
    @SuppressWarnings("deprecation") // the connect timeout on RequestConfig is still honoured, and the connection manager is Camel's
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
        builder.setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .setConnectionRequestTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .setResponseTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build());
    }
}
