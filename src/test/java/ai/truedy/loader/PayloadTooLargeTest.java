package ai.truedy.loader;

import java.util.ArrayList;
import java.util.List;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

/** 413 Payload Too Large halves the batch and sends both halves, down to one contact; it never rejects a row. */
class PayloadTooLargeTest extends LoaderTest {

    @Test
    void a_413_halves_the_batch_until_the_parts_are_taken_and_the_report_shows_the_parts() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(25, 0)));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(matchingJsonPath("$.contacts[25]"))
                .willReturn(TruedyApi.error(413, "payload_too_large", "Request body too large")));
        loader.drop("bc_1/list.csv", rows(100));

        assertThat(loader.runOnce()).isZero();

        List<Integer> sizes = TruedyApi.sentBatches(api).stream().map(List::size).toList();
        assertThat(sizes).containsExactly(100, 50, 25, 25, 50, 25, 25);
        assertThat(acceptedPhones()).hasSize(100).doesNotHaveDuplicates();
        JsonNode report = loader.report("list");
        assertThat(report.path("accepted").asInt()).isEqualTo(100);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("batches")).hasSize(4).allSatisfy(part -> {
            assertThat(part.path("batch").asInt()).isEqualTo(1);
            assertThat(part.path("contacts").asInt()).isEqualTo(25);
            assertThat(part.path("http_status").asInt()).isEqualTo(200);
            assertThat(part.path("detail").asText()).contains("split after HTTP 413");
        });
        assertThat(report.path("batches")).extracting(part -> part.path("part").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(report.path("batches")).extracting(part -> part.path("first_row").asInt() + "-" + part.path("last_row").asInt())
                .containsExactly("1-25", "26-50", "51-75", "76-100");
    }

    @Test
    void a_single_contact_still_too_large_waits_in_retry_instead_of_being_rejected() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(413, "payload_too_large", "Request body too large")));
        loader.drop("bc_1/list.csv", rows(2));

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentBatches(api).stream().map(List::size).toList()).containsExactly(2, 1, 1);
        JsonNode report = loader.report("list");
        assertThat(report.path("pending_retry").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("batches")).extracting(part -> part.path("outcome").asText()).containsExactly("retry", "retry");
        assertThat(report.path("batches").get(0).path("detail").asText()).contains("too large even as a single contact");
        assertThat(loader.retryRows("list.retry-1.csv")).hasSize(2);
        assertThat(filesIn(loader.error)).isEmpty();
    }

    private List<String> acceptedPhones() throws Exception {
        List<String> phones = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (ServeEvent event : api.getAllServeEvents()) {
            if (event.getResponse().getStatus() == 200) {
                json.readTree(event.getRequest().getBody()).path("contacts")
                        .forEach(contact -> phones.add(contact.path("phone_number").asText()));
            }
        }
        return phones;
    }

    private static String rows(int count) {
        StringBuilder csv = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < count; i++) {
            csv.append("+1646555%04d,Person%d\n".formatted(i, i));
        }
        return csv.toString();
    }
}
