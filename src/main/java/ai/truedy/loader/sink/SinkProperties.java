package ai.truedy.loader.sink;

import java.util.Optional;

/**
 * The Kamelet's properties, as its template binds them, with the Kamelet's defaults. Numbers are
 * bound as numbers; durations, the region and the validation level are checked with the rest
 * when the first message comes, so that every bad one is reported at once.
 */
public class SinkProperties {

    private String batchCallId = "";
    private String apiKey = "";
    private String baseUrl = "https://api.truedy.ai/api/public/v1";
    private int batchSize = 100;
    private String defaultRegion = "US";
    private String phoneValidation = "possible";
    private int requestsPerMinute = 90;
    private int concurrency = 1;
    private int maxAttempts = 5;
    private String initialDelay = "1s";
    private String maxDelay = "60s";
    private String rateLimitMaxWait = "10m";
    private String authPause = "5m";
    private String connectTimeout = "10s";
    private String readTimeout = "30s";

    /** A property by its Kamelet name, as text, for the checks. */
    Optional<String> property(String name) {
        Object value = switch (name) {
            case "batchCallId" -> batchCallId;
            case "apiKey" -> apiKey;
            case "baseUrl" -> baseUrl;
            case "batchSize" -> batchSize;
            case "defaultRegion" -> defaultRegion;
            case "phoneValidation" -> phoneValidation;
            case "requestsPerMinute" -> requestsPerMinute;
            case "concurrency" -> concurrency;
            case "maxAttempts" -> maxAttempts;
            case "initialDelay" -> initialDelay;
            case "maxDelay" -> maxDelay;
            case "rateLimitMaxWait" -> rateLimitMaxWait;
            case "authPause" -> authPause;
            case "connectTimeout" -> connectTimeout;
            case "readTimeout" -> readTimeout;
            default -> throw new IllegalArgumentException("no Kamelet property " + name);
        };
        return Optional.ofNullable(value).map(String::valueOf);
    }

    public void setBatchCallId(String batchCallId) {
        this.batchCallId = batchCallId;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public void setPhoneValidation(String phoneValidation) {
        this.phoneValidation = phoneValidation;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Durations such as 500ms, 30s or 5m. */
    public void setInitialDelay(String initialDelay) {
        this.initialDelay = initialDelay;
    }

    public void setMaxDelay(String maxDelay) {
        this.maxDelay = maxDelay;
    }

    public void setRateLimitMaxWait(String rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public void setAuthPause(String authPause) {
        this.authPause = authPause;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
    }
}
