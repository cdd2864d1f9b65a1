package ai.truedy.loader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus under src/test/resources/corpus: one small export per real-world problem, each beside
 * a {@code .expected.csv} that gives every row's outcome, reason (or warning) and the contact the
 * API must receive. Each file runs through the real routes on its own.
 */
class RealWorldFilesTest extends LoaderTest {

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    static Stream<String> corpus() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpusFolder())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".csv") && !name.endsWith(".expected.csv"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void every_row_gets_the_expected_outcome(String name) throws Exception {
        String stem = name.substring(0, name.length() - ".csv".length());
        loader.dropBytes("bc_corpus/" + name, Files.readAllBytes(corpusFolder().resolve(name)));
        List<Map<String, String>> expected = LoaderFixture.csv(corpusFolder().resolve(stem + ".expected.csv"));

        loader.runOnce();

        JsonNode report = loader.report(stem);
        List<Map<String, String>> accepted = expected.stream().filter(row -> row.get("outcome").equals("accepted")).toList();
        List<Map<String, String>> rejected = expected.stream().filter(row -> row.get("outcome").equals("rejected")).toList();
        assertThat(report.path("rows").asLong()).as("rows").isEqualTo(expected.size());
        assertThat(report.path("accepted").asLong()).as("accepted").isEqualTo(accepted.size());
        assertThat(report.path("rejected").asLong()).as("rejected").isEqualTo(rejected.size());

        assertThat(sentContacts()).as("contacts received, in row order").containsExactlyElementsOf(
                accepted.stream().map(RealWorldFilesTest::contact).toList());
        assertRowsListed(rejected, stem + ".rejected.csv");
        assertRowsListed(expected.stream().filter(row -> !row.get("reason").isEmpty()
                && row.get("outcome").equals("accepted")).toList(), stem + ".warnings.csv");
    }

    /** Each expected row is listed with its row number and reason, and a detail that contains the expected words. */
    private void assertRowsListed(List<Map<String, String>> expected, String fileName) throws IOException {
        Path file = loader.error.resolve(fileName);
        if (expected.isEmpty()) {
            assertThat(file).doesNotExist();
            return;
        }
        List<Map<String, String>> listed = LoaderFixture.csv(file);
        assertThat(listed).extracting(row -> row.get("row") + " " + row.get("reason")).as(fileName)
                .containsExactlyElementsOf(expected.stream().map(row -> row.get("row") + " " + row.get("reason")).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(listed.get(i).get("detail")).as(fileName + " detail of row " + expected.get(i).get("row"))
                    .contains(expected.get(i).get("detail"));
        }
    }

    private List<List<String>> sentContacts() {
        List<List<String>> contacts = new ArrayList<>();
        TruedyApi.sentBatches(api).forEach(batch -> batch.forEach(contact -> contacts.add(List.of(
                text(contact, "phone_number"), text(contact, "first_name"), text(contact, "last_name"),
                text(contact, "email")))));
        return contacts;
    }

    private static List<String> contact(Map<String, String> expected) {
        return List.of(expected.get("phone_number"), expected.get("first_name"), expected.get("last_name"),
                expected.get("email"));
    }

    private static String text(JsonNode contact, String field) {
        return contact.path(field).isTextual() ? contact.path(field).asText() : "";
    }

    private static Path corpusFolder() throws URISyntaxException {
        return Path.of(RealWorldFilesTest.class.getResource("/corpus").toURI());
    }
}
