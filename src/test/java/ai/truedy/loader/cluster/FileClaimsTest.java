package ai.truedy.loader.cluster;

import java.nio.file.Path;
import java.time.Duration;

import ai.truedy.loader.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Claims on inbox files between two instances, on a real PostgreSQL. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class FileClaimsTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path inbox;
    private String url;
    private ClusterDatabase one;
    private ClusterDatabase two;
    private FileClaims claimsOfOne;
    private FileClaims claimsOfTwo;

    @BeforeEach
    void twoInstances() throws Exception {
        url = TestDatabase.freshSchema("claims");
        one = database("one");
        two = database("two");
        claimsOfOne = new FileClaims(one, inbox, LEASE);
        claimsOfTwo = new FileClaims(two, inbox, LEASE);
    }

    @AfterEach
    void stop() {
        claimsOfOne.stop();
        claimsOfTwo.stop();
        one.stop();
        two.stop();
    }

    private ClusterDatabase database(String instance) {
        return ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), instance, LEASE));
    }

    private String key(String relative) {
        return inbox.resolve(relative).toString();
    }

    @Test
    void a_file_is_claimed_by_one_instance_only() {
        assertThat(claimsOfOne.add(key("bc_1/list.csv"))).isTrue();
        assertThat(claimsOfTwo.add(key("bc_1/list.csv"))).isFalse();
        assertThat(claimsOfTwo.add(key("other.csv"))).isTrue();

        assertThat(TestDatabase.queryOne(url, "SELECT owner || ':' || epoch FROM loader_claims WHERE path = 'bc_1/list.csv'"))
                .as("keyed on the path in the inbox, not the mount point").isEqualTo("one:1");
    }

    @Test
    void a_released_claim_is_free_for_the_next_instance() {
        claimsOfOne.add(key("list.csv"));
        claimsOfOne.remove(key("list.csv"));

        assertThat(claimsOfTwo.add(key("list.csv"))).isTrue();
        assertThat(claimsOfTwo.epochOf("list.csv")).isEqualTo(1L);
    }

    @Test
    void the_heartbeat_keeps_a_claim_past_its_lease() {
        claimsOfOne.start();
        claimsOfOne.add(key("list.csv"));
        String claimedAt = heartbeat("list.csv");

        await().atMost(Duration.ofSeconds(10)).until(() -> !heartbeat("list.csv").equals(claimedAt));
        await().atMost(Duration.ofSeconds(10)).until(() -> "t".equals(TestDatabase.queryOne(url,
                "SELECT now() - claimed_at > interval '2500 milliseconds' FROM loader_claims WHERE path = 'list.csv'")));

        assertThat(claimsOfTwo.add(key("list.csv"))).as("the claim is alive").isFalse();
        assertThat(claimsOfOne.holds("list.csv", 1)).isTrue();
    }

    @Test
    void an_orphaned_claim_is_taken_over_with_a_new_epoch() {
        claimsOfOne.add(key("list.csv")); // no heartbeat: as if instance one died
        assertThat(claimsOfTwo.add(key("list.csv"))).isFalse();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> claimsOfTwo.add(key("list.csv")));

        assertThat(claimsOfTwo.epochOf("list.csv")).isEqualTo(2L);
        assertThat(TestDatabase.queryOne(url, "SELECT owner FROM loader_claims WHERE path = 'list.csv'")).isEqualTo("two");
    }

    @Test
    void a_stalled_former_owner_is_fenced_off() {
        claimsOfOne.add(key("list.csv"));
        TestDatabase.execute(url, "UPDATE loader_claims SET heartbeat_at = now() - interval '1 minute'");
        assertThat(claimsOfTwo.add(key("list.csv"))).isTrue();

        assertThat(claimsOfOne.holds("list.csv", 1)).as("the old epoch no longer holds").isFalse();
        assertThat(claimsOfTwo.holds("list.csv", 2)).isTrue();

        claimsOfOne.beat();
        assertThat(claimsOfOne.epochOf("list.csv")).as("the heartbeat found it taken and let go").isNull();
        claimsOfOne.remove(key("list.csv"));
        assertThat(TestDatabase.queryOne(url, "SELECT owner FROM loader_claims WHERE path = 'list.csv'"))
                .as("a fenced instance cannot release the new owner's claim").isEqualTo("two");
    }

    private String heartbeat(String path) {
        return TestDatabase.queryOne(url, "SELECT heartbeat_at::text FROM loader_claims WHERE path = '" + path + "'");
    }
}
