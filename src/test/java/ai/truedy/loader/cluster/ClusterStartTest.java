package ai.truedy.loader.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;

import ai.truedy.loader.support.TestDatabase;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/** Instances of a cluster started at the same moment, as a deployment starts them, on a real PostgreSQL. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class ClusterStartTest {

    private static final int INSTANCES = 6;

    /** Before the schema's migration took turns, about one start in two of four instances failed here. */
    @RepeatedTest(5)
    void instances_started_together_on_an_empty_schema_all_start() {
        String url = TestDatabase.freshSchema("together");
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        List<CompletableFuture<ClusterDatabase>> starts = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            ClusterSettings settings = new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), "node-" + i,
                    Duration.ofSeconds(3));
            starts.add(CompletableFuture.supplyAsync(() -> {
                awaitOthers(together);
                return ClusterDatabase.open(settings);
            }));
        }

        List<String> failed = new ArrayList<>();
        for (CompletableFuture<ClusterDatabase> start : starts) {
            try {
                start.join().stop();
            } catch (CompletionException e) {
                failed.add(e.getCause().getMessage());
            }
        }

        assertThat(failed).isEmpty();
        assertThat(TestDatabase.queryOne(url,
                "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM loader_schema_history WHERE version <> '0'"))
                .as("each migration applied once").isEqualTo("1,2,3,4");
    }

    private static void awaitOthers(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
