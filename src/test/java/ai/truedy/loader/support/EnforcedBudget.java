package ai.truedy.loader.support;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Makes the WireMock stand-in keep Truedy's request budget as Truedy does: a request beyond
 * {@code requestsPerMinute} in any 60 s gets a 429 with {@code error.details.reset_at} in the body
 * and no Retry-After. Register it with {@code wireMockConfig().extensions(...)}.
 */
public final class EnforcedBudget implements ResponseDefinitionTransformerV2 {

    private final int requestsPerMinute;
    private final Deque<Long> accepted = new ArrayDeque<>();

    public EnforcedBudget(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        if (!event.getRequest().getUrl().matches(TruedyApi.CONTACTS_PATH)) {
            return event.getResponseDefinition();
        }
        long now = System.currentTimeMillis();
        while (!accepted.isEmpty() && accepted.peekFirst() <= now - 60_000) {
            accepted.removeFirst();
        }
        if (accepted.size() >= requestsPerMinute) {
            String resetAt = Instant.ofEpochMilli(accepted.peekFirst() + 60_000).toString();
            return TruedyApi.json(429, """
                    {"error":{"code":"rate_limited","message":"Too many requests","details":{"reset_at":"%s"}},
                     "meta":{"request_id":"req_429","ts":"%s"}}""".formatted(resetAt, Instant.now())).build();
        }
        accepted.addLast(now);
        return event.getResponseDefinition();
    }

    @Override
    public String getName() {
        return "enforced-budget";
    }
}
