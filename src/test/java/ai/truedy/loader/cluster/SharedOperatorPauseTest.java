package ai.truedy.loader.cluster;

import java.time.Duration;

import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A person's pause, made on one instance's console, holds for the other, on a real PostgreSQL. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class SharedOperatorPauseTest {

    private ClusterDatabase one;
    private ClusterDatabase two;

    @BeforeEach
    void twoInstances() {
        String url = TestDatabase.freshSchema("operator_pause");
        one = ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), "one", Duration.ofSeconds(30)));
        two = ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), "two", Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        one.stop();
        two.stop();
    }

    @Test
    void a_pause_on_one_instance_holds_on_the_other_until_resumed_there() throws Exception {
        OperatorPause here = new OperatorPause(new SharedOperatorPause(one), () -> false);
        OperatorPause there = new OperatorPause(new SharedOperatorPause(two), () -> false);
        assertThat(there.paused()).isEmpty();

        here.pause("ops, on the console");

        OperatorPause.Paused seen = await().atMost(Duration.ofSeconds(5)).until(there::paused, paused -> paused.isPresent()).get();
        assertThat(seen.by()).isEqualTo("ops, on the console");
        assertThat(Duration.between(seen.at(), here.paused().get().at()).abs()).as("the database keeps microseconds")
                .isLessThan(Duration.ofMillis(1));

        there.resume("ann, on the console");

        await().atMost(Duration.ofSeconds(5)).until(() -> here.paused().isEmpty());
    }
}
