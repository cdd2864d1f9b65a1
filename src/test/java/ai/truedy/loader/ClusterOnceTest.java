package ai.truedy.loader;

import java.time.Duration;

import ai.truedy.loader.cluster.ClusterDatabase;
import ai.truedy.loader.cluster.ClusterSettings;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TestDatabase;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --once} in cluster mode loads what it can claim and exits, without waiting for files other instances hold,
 * nor for the later files of a folder another instance is loading (a folder's files keep their arrival order).
 */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class ClusterOnceTest extends LoaderTest {

    @Test
    void a_once_run_loads_what_it_can_claim_and_leaves_what_a_live_instance_holds() throws Exception {
        String url = TestDatabase.freshSchema("once");
        ClusterDatabase migrated = ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(),
                "elsewhere", Duration.ofSeconds(30)));
        migrated.stop();
        TestDatabase.execute(url, "INSERT INTO loader_claims (path, owner, epoch) VALUES ('bc_1/held.csv', 'elsewhere', 1)");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        TestDatabase.clusterSettings(url, "once-1", "30s").forEach(loader::with);
        loader.drop("bc_1/held.csv", "phone\n+12127361001\n");
        loader.drop("bc_2/free.csv", "phone\n+12127361002\n");
        loader.drop("bc_1/after-held.csv", "phone\n+12127361003\n"); // its folder's earlier file is being loaded

        int exit = loader.runOnce();

        assertThat(exit).isZero();
        assertThat(LoaderFixture.filesIn(loader.inbox)).containsExactly("bc_1/after-held.csv", "bc_1/held.csv");
        assertThat(LoaderFixture.filesIn(loader.done)).containsExactly("free.csv", "free.report.json");
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361002");
        assertThat(TestDatabase.queryOne(url, "SELECT owner FROM loader_claims WHERE path = 'bc_1/held.csv'"))
                .isEqualTo("elsewhere");
        assertThat(TestDatabase.queryOne(url, "SELECT count(*) FROM loader_claims")).as("its own claim went with the file")
                .isEqualTo("1");
    }
}
