package ai.truedy.loader.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-process request budget: requests in flight, pacing, 429 pauses and auth suspensions. */
class RequestBudgetTest {

    final ExecutorService senders = Executors.newCachedThreadPool();

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void lets_no_more_requests_in_flight_than_its_concurrency() throws Exception {
        RequestBudget budget = new SendGate(0, 1);
        budget.awaitTurn();

        CompletableFuture<Void> second = turn(budget);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        budget.done();

        await().atMost(Duration.ofSeconds(2)).until(second::isDone);
    }

    @Test
    void a_429_pause_holds_back_every_turn_until_it_is_over() throws Exception {
        RequestBudget budget = new SendGate(0, 4);
        budget.pauseFor(Duration.ofMillis(400));
        long start = System.nanoTime();

        budget.awaitTurn();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        budget.done();
    }

    @Test
    void paces_requests_to_stay_within_the_requests_per_minute() throws Exception {
        RequestBudget budget = new SendGate(600, 4); // one every 100 ms
        long start = System.nanoTime();

        for (int i = 0; i < 4; i++) {
            budget.awaitTurn();
            budget.done();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }

    @Test
    void an_auth_suspension_says_why_until_a_request_goes_through() {
        RequestBudget budget = new SendGate(0, 1);
        assertThat(budget.suspension()).isNull();

        budget.suspend(Duration.ofMinutes(5), "HTTP 401 unauthorized: invalid key");

        assertThat(budget.suspension()).startsWith("sending is suspended until ").endsWith("after HTTP 401 unauthorized: invalid key");
        budget.recovered();
        assertThat(budget.suspension()).isNull();
    }

    private CompletableFuture<Void> turn(RequestBudget budget) {
        return CompletableFuture.runAsync(() -> {
            try {
                budget.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, senders);
    }
}
