package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ai.truedy.loader.sink.ContactsNotSentException;
import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code truedy-batch-contacts-sink} Kamelet, loaded from the classpath as Camel's kamelet
 * component finds it in any application, with contacts handed to it as messages.
 */
class KameletSinkTest {

    @RegisterExtension
    static final WireMockExtension api = TruedyApi.server();

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    final ObjectMapper json = new ObjectMapper();
    CamelContext camel;
    ProducerTemplate producer;

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void sends_a_list_of_contacts_in_batches_of_batch_size() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        String contacts = """
                [{"phone_number":"(212) 736-1000","first_name":"Jane","last_name":"Doe","email":"jane@example.com"},
                 {"phone":"+1 415 555 0132","name":" John   Smith "},
                 {"mobile":"415-555-0133"}]""";

        JsonNode result = json.readTree(send(contacts, "batchSize=2"));

        assertThat(result.path("received").asInt()).isEqualTo(3);
        assertThat(result.path("accepted").asInt()).isEqualTo(3);
        assertThat(result.path("rejected")).isEmpty();
        List<List<JsonNode>> batches = TruedyApi.sentBatches(api);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).get(0)).isEqualTo(json.readTree("""
                {"phone_number":"+12127361000","first_name":"Jane","last_name":"Doe","email":"jane@example.com"}"""));
        assertThat(batches.get(0).get(1)).isEqualTo(json.readTree("""
                {"phone_number":"+14155550132","first_name":"John","last_name":"Smith"}"""));
        assertThat(batches.get(1)).extracting(contact -> contact.path("phone_number").asText())
                .containsExactly("+14155550133");
        api.verify(2, postRequestedFor(urlPathEqualTo("/api/public/v1/batch-calls/bc_kamelet/contacts"))
                .withHeader("Authorization", equalTo("Bearer test-key")));
    }

    @Test
    void takes_one_contact_object_or_parsed_maps() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));

        send("{\"phone_number\":\"+12127361000\"}", "");
        send(List.of(Map.of("phone_number", "+14155550132", "batch_call_id", "bc_own")), "");

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+14155550132");
        api.verify(1, postRequestedFor(urlPathEqualTo("/api/public/v1/batch-calls/bc_own/contacts")));
    }

    @Test
    void rejects_contacts_that_cannot_be_sent_with_a_reason_and_sends_the_rest() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        String contacts = """
                [{"phone_number":"+12127361000","email":"not-an-address"},
                 {"phone_number":"12"},
                 {"first_name":"No Phone"},
                 {"phone_number":"+1 212 736 1000"},
                 "not an object"]""";

        JsonNode result = json.readTree(send(contacts, ""));

        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("rejected")).extracting(r -> r.path("index").asInt() + ":" + r.path("reason").asText())
                .containsExactly("1:invalid_phone", "2:missing_phone", "3:duplicate_in_file", "4:malformed_row");
        assertThat(result.path("reasons").path("invalid_phone").asInt()).isEqualTo(1);
        assertThat(result.path("warnings").get(0).path("reason").asText()).isEqualTo("invalid_email");
        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .singleElement().isEqualTo(json.readTree("{\"phone_number\":\"+12127361000\"}")));
    }

    @Test
    void contacts_that_could_not_be_sent_fail_the_message_which_then_holds_only_them() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("second fails").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.addedCount(2, 0)).willSetStateTo("down"));
        api.stubFor(TruedyApi.addContacts().inScenario("second fails").whenScenarioStateIs("down")
                .willReturn(TruedyApi.error(503, "unavailable", "try later")));
        String contacts = """
                [{"phone_number":"+12127361000","first_name":"Jane"},{"phone_number":"+14155550132"},
                 {"phone_number":"+14155550133","first_name":"Late"}]""";

        Exchange failed = producer.send(endpoint("batchSize=2&maxAttempts=2"), exchange -> exchange.getMessage().setBody(contacts));

        assertThat(failed.getException()).isInstanceOf(ContactsNotSentException.class)
                .hasMessageContaining("1 of 3 contacts could not be sent")
                .hasMessageContaining("HTTP 503");
        assertThat(json.readTree(failed.getMessage().getBody(String.class)))
                .isEqualTo(json.readTree("[{\"phone_number\":\"+14155550133\",\"first_name\":\"Late\"}]"));
        JsonNode summary = json.readTree(failed.getMessage().getHeader("TruedySinkResult", String.class));
        assertThat(summary.path("accepted").asInt()).isEqualTo(2);
        assertThat(summary.path("not_sent_count").asInt()).isEqualTo(1);
        assertThat(TruedyApi.requests(api)).hasSize(3); // one batch accepted, then two tries; the client never re-sends by itself
    }

    @Test
    void waits_out_a_429_and_sends_the_batch_again() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.json(429, """
                        {"error":{"code":"rate_limit_exceeded","message":"Too many requests",
                          "details":{"reset_at":"2020-01-01T00:00:00Z"}},"meta":{"request_id":"req_429"}}"""))
                .willSetStateTo("open"));
        api.stubFor(TruedyApi.addContacts().inScenario("limited").whenScenarioStateIs("open")
                .willReturn(TruedyApi.addedCount(1, 0)));

        JsonNode result = json.readTree(send("{\"phone_number\":\"+12127361000\"}", ""));

        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000", "+12127361000");
    }

    @Test
    void rejects_the_contacts_a_422_names_and_sends_the_rest_once_more() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("422").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.json(422, """
                        {"detail":[{"loc":["body","contacts",1,"phone_number"],"msg":"not reachable","type":"value_error"}]}"""))
                .willSetStateTo("fixed"));
        api.stubFor(TruedyApi.addContacts().inScenario("422").whenScenarioStateIs("fixed")
                .willReturn(TruedyApi.addedCount(1, 0)));

        JsonNode result = json.readTree(send("[{\"phone_number\":\"+12127361000\"},{\"phone_number\":\"+14155550132\"}]", ""));

        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("rejected")).singleElement().satisfies(rejected -> {
            assertThat(rejected.path("index").asInt()).isEqualTo(1);
            assertThat(rejected.path("reason").asText()).isEqualTo("api_validation");
            assertThat(rejected.path("detail").asText()).contains("not reachable");
        });
        assertThat(TruedyApi.sentBatches(api)).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void logs_no_phone_number_email_or_key_whole() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.json(422, """
                {"detail":[{"loc":["body","contacts",0,"phone_number"],
                            "msg":"Number +1 212-736-1002 of jane.doe@example.com is blocked"}]}""")));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(containing("+12127361003"))
                .willReturn(TruedyApi.error(500, "internal", "failed on +12127361003 for bob@example.net")));
        String contacts = """
                [{"phone_number":"+12127361002","email":"jane.doe@example.com"},{"phone_number":"(212) 736-1001"},
                 {"phone_number":"+12127361003","email":"bob@example.net"},{"phone_number":"not-a-phone"}]""";

        Exchange failed = producer.send(endpoint("batchSize=2&maxAttempts=2"), exchange -> exchange.getMessage().setBody(contacts));

        assertThat(failed.getException()).isInstanceOf(ContactsNotSentException.class);
        assertThat(log.text()).as("the sink logged its work").contains("Truedy sink: 4 contacts received", "+1212***1002")
                .doesNotContain("test-key")
                .doesNotContain("2127361001", "2127361002", "736-1002", "2127361003", "not-a-phone")
                .doesNotContain("jane.doe@", "bob@");
    }

    @Test
    void a_message_that_is_not_json_contacts_fails_with_a_clear_error_and_nothing_is_sent() {
        assertThatThrownBy(() -> send("phone_number\n+12127361000", ""))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the message is not JSON")
                .hasMessageNotContaining("12127361000");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void reports_every_bad_property_at_once() {
        assertThatThrownBy(() -> send("{\"phone_number\":\"+12127361000\"}", "batchSize=0&defaultRegion=XX&authPause=soon"))
                .rootCause()
                .hasMessageContaining("batchSize must be a whole number from 1 to 1000, not '0'")
                .hasMessageContaining("defaultRegion must be a two-letter region code")
                .hasMessageContaining("authPause must be a duration");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void the_kamelet_describes_every_property_its_template_uses_and_uses_every_one_it_describes() throws Exception {
        String kamelet = Files.readString(Path.of("kamelets/truedy-batch-contacts-sink.kamelet.yaml"));
        String definition = kamelet.substring(kamelet.indexOf("    properties:"), kamelet.indexOf("  dependencies:"));
        String template = kamelet.substring(kamelet.indexOf("  template:"));
        Set<String> described = Pattern.compile("(?m)^      (\\w+):$").matcher(definition).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
        Set<String> beans = Pattern.compile("(?m)^      - name: (\\w+)").matcher(template).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
        Set<String> used = Pattern.compile("\\{\\{(\\w+)}}").matcher(template).results()
                .map(match -> match.group(1)).filter(name -> !beans.contains(name)).collect(Collectors.toSet());

        assertThat(described).contains("batchCallId", "apiKey", "baseUrl", "batchSize").isEqualTo(used);
        assertThat(Pattern.compile("(?m)^        title: ").matcher(definition).results().count())
                .as("a title for each property").isEqualTo(described.size());
        assertThat(Pattern.compile("(?m)^        description: ").matcher(definition).results().count())
                .as("a description for each property").isEqualTo(described.size());
    }

    private String send(Object body, String options) {
        return producer.requestBody(endpoint(options), body, String.class);
    }

    /** The Kamelet with a test key, fast retries and no request budget, plus the test's own options. */
    private String endpoint(String options) {
        return "kamelet:truedy-batch-contacts-sink?batchCallId=bc_kamelet&apiKey=test-key"
                + "&baseUrl=" + TruedyApi.baseUrl(api) + "&requestsPerMinute=0&initialDelay=10ms&maxDelay=50ms"
                + (options.isEmpty() ? "" : "&" + options);
    }
}
