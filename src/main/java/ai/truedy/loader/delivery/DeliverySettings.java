package ai.truedy.loader.delivery;

import java.time.Duration;

/**
 * How batches are delivered: attempts and back-off for transient failures, the request budget,
 * requests in flight, and the pauses after 429 and 401/402/403 answers.
 *
 * @param maxAttempts       tries per batch for 5xx, timeouts and connection failures ({@code truedy.retry.max-attempts})
 * @param initialDelay      back-off after the first failed try ({@code truedy.retry.initial-delay}); doubles each time
 * @param maxDelay          longest back-off ({@code truedy.retry.max-delay})
 * @param requestsPerMinute the request budget shared by every sender; 0 for none ({@code truedy.rate-limit.requests-per-minute})
 * @param concurrency       requests in flight at once ({@code truedy.concurrency})
 * @param rateLimitMaxWait  how long one batch may wait out 429 answers before it goes to retry/ ({@code truedy.rate-limit.max-wait})
 * @param authPause         how long sending stops after 401, 402 or 403 before it is tried again ({@code truedy.auth-pause})
 */
public record DeliverySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, int requestsPerMinute,
                               int concurrency, Duration rateLimitMaxWait, Duration authPause) {

    /** Back-off before try {@code failedAttempts + 1}: doubling from the initial delay, capped, with jitter. */
    public Duration backOff(int failedAttempts) {
        long base = initialDelay.toMillis() << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long jittered = capped / 2 + (long) (Math.random() * (capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }
}
