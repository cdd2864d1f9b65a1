package ai.truedy.loader;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TestDatabase;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In cluster mode the numbers each batch call has are shared: what one instance sent, another does not send again. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class ClusterSentMemoryTest extends LoaderTest {

    @Test
    void instance_b_sends_only_the_rows_of_day_two_that_instance_a_did_not_send_on_day_one() throws Exception {
        String url = TestDatabase.freshSchema("sent");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        TestDatabase.clusterSettings(url, "instance-a", "30s").forEach(loader::with);
        loader.with("loader.state", root.resolve("state-a").toString());
        loader.drop("campA/day-1.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 100));
        assertThat(loader.runOnce()).isZero();
        api.resetRequests();

        TestDatabase.clusterSettings(url, "instance-b", "30s").forEach(loader::with);
        loader.with("loader.state", root.resolve("state-b").toString()); // nothing of instance a's on this disk
        loader.drop("campA/day-2.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 110));
        assertThat(loader.runOnce()).as("the rows not sent are in the batch call already: nothing failed").isZero();

        assertThat(TruedyApi.sentPhones(api)).hasSize(10).contains("+12127361100", "+12127361109");
        assertThat(loader.report("day-2").path("reasons").path("already_sent").asInt()).isEqualTo(100);
        assertThat(TestDatabase.queryOne(url, "SELECT sum(numbers_count) FROM loader_sent WHERE batch_call_id = 'campA'"))
                .isEqualTo("110");
    }
}
