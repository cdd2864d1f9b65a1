package ai.truedy.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import ai.truedy.loader.cluster.ClusterDatabase;
import ai.truedy.loader.cluster.ClusterSettings;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TestDatabase;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State written by the loader before journals were kept per batch call (src/test/resources/upgrade/0.1):
 * after the upgrade, a file loaded then is still not sent again to the same batch call, the same
 * content for another batch call is loaded, and a file interrupted then is resumed where it stopped.
 */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class UpgradeTest extends LoaderTest {

    static final String FIXTURE = "/upgrade/0.1/";
    static final String LIST_JOURNAL = "0818349bbbd106892d6915dad05033c309fd7a964e6de75de0918c9e046476f2";
    static final String BIG_JOURNAL = "03d7f5308c7988e209c5a26d2c3248d7e8d2fef1941564b33c0142f85cf9454e";
    static final Pattern INSTANT = Pattern.compile("\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"");

    @Test
    void local_state_from_before_still_knows_each_files_batch_call() throws Exception {
        Path files = Files.createDirectories(root.resolve("state/files"));
        for (String journal : List.of(LIST_JOURNAL, BIG_JOURNAL)) {
            Files.write(files.resolve(journal + ".journal"), lines(journal));
        }

        expectTheUpgradedBehaviour(loader);
    }

    @Test
    void cluster_state_from_before_still_knows_each_files_batch_call() throws Exception {
        String url = TestDatabase.freshSchema("upgrade");
        ClusterDatabase.open(new ClusterSettings(url, TestDatabase.user(), TestDatabase.password(), "old", Duration.ofSeconds(30)))
                .stop(); // the schema, as the loader makes it
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            insertJournal(connection, LIST_JOURNAL, "bc_1/list.csv", false);
            insertJournal(connection, BIG_JOURNAL, "bc_big/big.csv", true);
        }
        TestDatabase.clusterSettings(url, "upgraded", "30s").forEach(loader::with);

        expectTheUpgradedBehaviour(loader);
    }

    private void expectTheUpgradedBehaviour(LoaderFixture loader) throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0)));
        byte[] list = fixture("list.csv");
        loader.dropBytes("bc_1/list.csv", list);
        loader.dropBytes("bc_2/list.csv", list);
        loader.drop("bc_big/big.csv", LoaderFixture.phoneColumn("+1646", 5_551_000, 3_000)); // the bytes it had then

        assertThat(loader.runOnce()).isZero();

        assertThat(reportOf(loader, "bc_1/list.csv").path("duplicate_of").asText()).as("the same batch call: not sent again")
                .isEqualTo("bc_1/list.csv");
        assertThat(reportOf(loader, "bc_2/list.csv").path("accepted").asInt()).as("another batch call: loaded").isEqualTo(3);
        JsonNode big = loader.report("big");
        assertThat(big.path("accepted").asInt()).isEqualTo(3000);
        assertThat(big.path("batches").size()).isEqualTo(30);
        assertThat(TruedyApi.requests(api)).extracting(CampaignsSideBySideTest::batchCall)
                .as("bc_2 once, and the 26 batches of big.csv not settled before").containsOnly("bc_2", "bc_big")
                .filteredOn("bc_big"::equals).hasSize(26);
        assertThat(TruedyApi.sentPhones(api)).doesNotContain("+16465551000", "+16465551399").contains("+16465551400");
    }

    /** The report of a file, whichever stem it got (the two list.csv are loaded side by side). */
    private static JsonNode reportOf(LoaderFixture loader, String file) throws IOException {
        for (String name : LoaderFixture.filesIn(loader.done)) {
            if (name.endsWith(".report.json")) {
                JsonNode report = loader.report(name.substring(0, name.length() - ".report.json".length()));
                if (report.path("file").asText().equals(file)) {
                    return report;
                }
            }
        }
        throw new AssertionError("no report for " + file + " in " + LoaderFixture.filesIn(loader.done));
    }

    /** The fixture journal's lines, with this test's folders for the old ones and its times moved to an hour ago. */
    private byte[] lines(String journal) throws IOException {
        String text = new String(fixture("files/" + journal + ".journal"), StandardCharsets.UTF_8)
                .replace("/LOADER/", root.toString() + "/");
        return INSTANT.matcher(text).replaceAll("\"" + Instant.now().minusSeconds(3600) + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private void insertJournal(Connection connection, String key, String path, boolean unfinished) throws Exception {
        try (PreparedStatement journal = connection.prepareStatement("INSERT INTO loader_journals (journal_key, path,"
                + " unfinished, finished_at) VALUES (?, ?, ?, CASE WHEN ? THEN NULL ELSE now() - interval '1 hour' END)");
             PreparedStatement line = connection.prepareStatement(
                     "INSERT INTO loader_journal_lines (journal_key, line) VALUES (?, ?)")) {
            journal.setString(1, key);
            journal.setString(2, path);
            journal.setBoolean(3, unfinished);
            journal.setBoolean(4, unfinished);
            journal.executeUpdate();
            for (String text : new String(lines(key), StandardCharsets.UTF_8).split("\n")) {
                line.setString(1, key);
                line.setString(2, text);
                line.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot write the old journals: " + e.getMessage(), e);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = UpgradeTest.class.getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as(FIXTURE + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
