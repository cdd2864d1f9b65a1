package ai.truedy.loader.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One request budget, one 429 pause and one auth suspension for two instances, on a real PostgreSQL. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class SharedBudgetTest {

    private static final int REQUESTS_PER_MINUTE = 600; // one every 100 ms (101 with the margin)
    private static final Duration LEASE = Duration.ofSeconds(30);

    private String url;
    private ClusterDatabase one;
    private ClusterDatabase two;

    @BeforeEach
    void twoInstances() {
        url = TestDatabase.freshSchema("budget");
        one = database("one");
        two = database("two");
    }

    @AfterEach
    void stop() {
        one.stop();
        two.stop();
    }

    private ClusterDatabase database(String instance) {
        return ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), instance,
                Duration.ofSeconds(30)));
    }

    @Test
    void two_instances_spend_from_one_budget() throws Exception {
        SharedBudget first = new SharedBudget(one, REQUESTS_PER_MINUTE, 2, LEASE);
        SharedBudget second = new SharedBudget(two, REQUESTS_PER_MINUTE, 2, LEASE);
        List<Long> turns = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (SharedBudget budget : List.of(first, second, first, second)) {
            done.add(senders.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    budget.awaitTurn();
                    turns.add(System.nanoTime());
                    budget.done();
                }
                return null;
            }));
        }
        for (Future<?> sender : done) {
            sender.get(60, TimeUnit.SECONDS);
        }
        senders.shutdown();

        List<Long> sorted = turns.stream().sorted().toList();
        assertThat(sorted).hasSize(24);
        long spanMillis = TimeUnit.NANOSECONDS.toMillis(sorted.get(23) - sorted.get(0));
        assertThat(spanMillis).as("24 turns at one every 100 ms take at least 23 intervals, whichever instance")
                .isGreaterThanOrEqualTo(23 * 100 - 50);
    }

    /**
     * Instance one asks with four requests at once for batch call a, instance two with one for b: the
     * budget goes to the batch calls in turn, not to whichever instance asks more often.
     */
    @Test
    void the_turns_go_to_batch_calls_in_turn_whichever_instance_asks_more() throws Exception {
        SharedBudget first = new SharedBudget(one, 1200, 4, LEASE);
        SharedBudget second = new SharedBudget(two, 1200, 1, LEASE);
        List<String> turns = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(5);
        List<Future<?>> done = new ArrayList<>();
        for (int sender = 0; sender < 5; sender++) {
            boolean forB = sender == 4;
            done.add(senders.submit(() -> {
                for (int i = 0; i < (forB ? 10 : 15); i++) {
                    (forB ? second : first).awaitTurn(forB ? "b" : "a", 1);
                    turns.add(forB ? "b" : "a");
                    (forB ? second : first).done();
                }
                return null;
            }));
        }
        for (Future<?> sender : done) {
            sender.get(60, TimeUnit.SECONDS);
        }
        senders.shutdown();

        List<String> whileBothWaited = turns.subList(0, turns.lastIndexOf("b") + 1);
        System.out.printf("SharedBudgetTest: turns while both waited %s%n", whileBothWaited);
        assertThat(whileBothWaited.stream().filter("b"::equals).count()).as("b's turns among %s", whileBothWaited)
                .isGreaterThanOrEqualTo(whileBothWaited.size() / 3);
    }

    /**
     * Batch call a has its turn, then b; a's next request is slow to come (its next small file is
     * being opened): b does not wait for it with the budget idle (before, b waited up to three
     * request intervals and a second for it).
     */
    @Test
    void a_batch_call_whose_next_request_is_slow_to_come_does_not_hold_the_budget() throws Exception {
        SharedBudget forA = new SharedBudget(one, REQUESTS_PER_MINUTE, 1, LEASE);
        SharedBudget forB = new SharedBudget(two, REQUESTS_PER_MINUTE, 1, LEASE);
        List<String> turns = Collections.synchronizedList(new ArrayList<>());
        Callable<Void> aTwice = () -> {
            forA.awaitTurn("a", 1);
            turns.add("a");
            forA.done();
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS)).get();
            forA.awaitTurn("a", 1);
            turns.add("a");
            forA.done();
            return null;
        };
        Callable<Void> bThrice = () -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> turns.contains("a"));
            for (int i = 0; i < 3; i++) {
                forB.awaitTurn("b", 1);
                turns.add("b");
                forB.done();
            }
            return null;
        };
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Future<Void>> done = senders.invokeAll(List.of(aTwice, bThrice), 60, TimeUnit.SECONDS);
        for (Future<Void> sender : done) {
            sender.get();
        }
        senders.shutdown();

        assertThat(turns).as("b went on while a's next request was on its way").startsWith("a", "b", "b")
                .hasSize(5);
    }

    @Test
    void without_the_database_a_turn_is_refused_rather_than_taken_beyond_the_budget() {
        SharedBudget budget = new SharedBudget(one, REQUESTS_PER_MINUTE, 1, LEASE);
        one.stop();

        assertThatThrownBy(budget::awaitTurn).isInstanceOf(RequestBudget.Unavailable.class)
                .hasMessageContaining("the shared request budget cannot be reached");
    }

    @Test
    void one_instances_401_suspends_every_instance_until_a_request_is_taken_again() {
        SharedBudget first = new SharedBudget(one, 0, 1, LEASE);
        SharedBudget second = new SharedBudget(two, 0, 1, LEASE);

        first.suspend(Duration.ofMinutes(5), "HTTP 401 Unauthorized");

        await().atMost(Duration.ofSeconds(5)).until(() -> second.suspension() != null);
        assertThat(second.suspension()).contains("HTTP 401 Unauthorized");
        first.recovered();
        await().atMost(Duration.ofSeconds(5)).until(() -> second.suspension() == null);
    }

    @Test
    void one_instances_429_pauses_every_instance() throws Exception {
        SharedBudget first = new SharedBudget(one, 0, 1, LEASE);
        SharedBudget second = new SharedBudget(two, 0, 1, LEASE);

        first.pauseFor(Duration.ofMillis(1500));
        long before = System.nanoTime();
        second.awaitTurn();
        second.done();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("waited out the other's 429")
                .isGreaterThanOrEqualTo(1000);
    }
}
