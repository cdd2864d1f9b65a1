package ai.truedy.loader;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Transient failures are tried again, rate limits waited out, and only final answers reject rows. */
class DeliveryGuaranteesTest extends LoaderTest {

    static final String THREE_CONTACTS = """
            phone,first_name
            +12127361001,Ann
            +12127361002,Bob
            +12127361003,Cid
            """;

    /** The first request gets {@code first}, every later one 200. */
    void firstAnswerThenAccept(ResponseDefinitionBuilder first) {
        api.stubFor(TruedyApi.addContacts().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        api.stubFor(TruedyApi.addContacts().inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(TruedyApi.addedCount(3, 0)));
    }

    @Test
    void a_500_then_200_is_accepted_on_the_second_try() throws Exception {
        firstAnswerThenAccept(TruedyApi.error(500, "internal", "oops"));
        loader.drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).hasSize(2);
        JsonNode batch = loader.report("list").path("batches").get(0);
        assertThat(batch.path("outcome").asText()).isEqualTo("accepted");
        assertThat(batch.path("attempts").asInt()).isEqualTo(2);
        assertThat(loader.retry).isEmptyDirectory();
    }

    @Test
    void a_reset_connection_then_200_is_accepted() throws Exception {
        firstAnswerThenAccept(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        loader.drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        assertThat(loader.report("list").path("accepted").asInt()).isEqualTo(3);
    }

    @Test
    void a_read_timeout_then_200_is_accepted() throws Exception {
        firstAnswerThenAccept(TruedyApi.addedCount(3, 0).withFixedDelay(2000));
        loader.with("truedy.read-timeout", "300").drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        assertThat(loader.report("list").path("batches").get(0).path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void server_errors_are_tried_max_attempts_times_then_the_rows_wait_in_retry() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(503, "unavailable", "down")));
        loader.with("truedy.retry.max-attempts", "4").drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.requests(api)).hasSize(4);
        assertThat(loader.retryRows("list.retry-1.csv")).extracting(row -> row.get("first_name")).containsExactly("Ann", "Bob", "Cid");
        assertThat(loader.report("list").path("batches").get(0).path("detail").asText()).endsWith("gave up after 4 tries");
    }

    @Test
    void a_429_with_retry_after_waits_that_long_then_sends_again() throws Exception {
        firstAnswerThenAccept(TruedyApi.error(429, "rate_limited", "slow down").withHeader("Retry-After", "1"));
        loader.with("truedy.rate-limit.max-wait", "10s").drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        assertThat(gapsBetweenRequestsMillis()).singleElement().satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(950));
        assertThat(loader.report("list").path("accepted").asInt()).isEqualTo(3);
    }

    @Test
    void a_429_with_only_reset_at_waits_until_then() throws Exception {
        String resetAt = Instant.now().plusMillis(1500).toString();
        firstAnswerThenAccept(TruedyApi.json(429, """
                {"error":{"code":"rate_limited","message":"Too many requests","details":{"reset_at":"%s"}}}"""
                .formatted(resetAt)));
        loader.with("truedy.rate-limit.max-wait", "10s").drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        List<LoggedRequest> requests = TruedyApi.requests(api);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(Instant.parse(resetAt).minusMillis(50));
    }

    @Test
    void a_429_with_no_wait_given_backs_off_and_does_not_count_as_a_failed_try() throws Exception {
        firstAnswerThenAccept(TruedyApi.error(429, "rate_limited", "slow down"));
        loader.with("truedy.retry.max-attempts", "1").with("truedy.rate-limit.max-wait", "10s")
                .drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).hasSize(2);
    }

    @Test
    void a_422_naming_two_of_five_contacts_rejects_those_two_and_sends_the_other_three_again() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("422").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.json(422, """
                        {"detail":[{"loc":["body","contacts",1,"phone_number"],"msg":"Number is blocked","type":"value_error"},
                                   {"loc":["body","contacts",3,"email"],"msg":"Invalid email","type":"value_error"}]}"""))
                .willSetStateTo("fixed"));
        api.stubFor(TruedyApi.addContacts().inScenario("422").whenScenarioStateIs("fixed")
                .willReturn(TruedyApi.addedCount(3, 0)));
        loader.drop("bc_1/five.csv", """
                phone,first_name
                +12127361001,Ann
                +12127361002,Bob
                +12127361003,Cid
                +12127361004,Dee
                +12127361005,Eve
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        List<List<JsonNode>> sent = TruedyApi.sentBatches(api);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).extracting(contact -> contact.path("first_name").asText()).containsExactly("Ann", "Cid", "Eve");
        assertThat(loader.rejectedRows("five")).extracting(row -> row.get("first_name") + " " + row.get("reason") + " "
                + row.get("detail")).containsExactly(
                "Bob api_validation HTTP 422: body.contacts.1.phone_number: Number is blocked",
                "Dee api_validation HTTP 422: body.contacts.3.email: Invalid email");
        JsonNode report = loader.report("five");
        assertThat(report.path("accepted").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").asInt()).isEqualTo(2);
    }

    @Test
    void a_401_stops_sending_and_the_rows_go_through_once_the_key_is_fixed() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(401, "unauthorized", "Invalid API key")));
        loader.with("truedy.batch-size", "1").with("truedy.concurrency", "1").drop("bc_1/list.csv", THREE_CONTACTS);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.requests(api)).as("sending stops after the first 401").hasSize(1);
        assertThat(loader.retryRows("list.retry-1.csv")).hasSize(3);
        assertThat(loader.error).isEmptyDirectory();

        api.resetAll();
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.drop("list.retry-1.csv", Files.readString(loader.retry.resolve("list.retry-1.csv")));
        assertThat(loader.runOnce()).isZero();
        assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361001", "+12127361002", "+12127361003");
    }

    @Test
    void a_running_loader_tries_sending_again_after_the_auth_pause() throws Exception {
        api.stubFor(TruedyApi.addContacts().inScenario("key").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TruedyApi.error(401, "unauthorized", "Invalid API key")).willSetStateTo("fixed"));
        api.stubFor(TruedyApi.addContacts().inScenario("key").whenScenarioStateIs("fixed")
                .willReturn(TruedyApi.addedCount(1, 0)));
        loader.with("truedy.auth-pause", "300ms").drop("bc_1/monday.csv", "phone\n+12127361001\n");
        try (LoaderFixture.RunningLoader service = loader.startService()) {
            loader.awaitReport("monday");
            Instant pauseOver = Instant.now().plusMillis(400);
            await("the auth pause passes").atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(pauseOver));
            loader.drop("bc_1/tuesday.csv", "phone\n+12127361002\n");
            loader.awaitReport("tuesday");
        }

        assertThat(loader.report("monday").path("pending_retry").asInt()).isEqualTo(1);
        assertThat(loader.report("tuesday").path("accepted").asInt()).as("sent after the pause").isEqualTo(1);
        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361001", "+12127361002");
    }

    @Test
    void a_404_mid_file_rejects_the_later_rows_of_that_batch_call_without_calling_again() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(containing("+12127361003"))
                .willReturn(TruedyApi.error(404, "not_found", "Batch call not found")));
        loader.with("truedy.batch-size", "2").with("truedy.concurrency", "1").drop("bc_gone/list.csv", """
                phone
                +12127361001
                +12127361002
                +12127361003
                +12127361004
                +12127361005
                +12127361006
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).doesNotContain("+12127361005", "+12127361006");
        assertThat(loader.rejectedRows("list")).extracting(row -> row.get("phone") + " " + row.get("reason"))
                .containsExactly("+12127361003 batch_call_not_found", "+12127361004 batch_call_not_found",
                        "+12127361005 batch_call_not_found", "+12127361006 batch_call_not_found");
    }

    @Test
    void the_request_budget_holds_in_every_window() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 30; i++) {
            csv.append("+1212736%04d\n".formatted(i));
        }
        loader.with("truedy.batch-size", "1").with("truedy.rate-limit.requests-per-minute", "600");
        // a first file warms this JVM's HTTP path: the first request ever sent is slower to arrive than
        // its turn, which the budget cannot know of and which is no part of its pacing
        loader.drop("bc_1/warm-up.csv", "phone\n+12127369999\n");
        loader.runOnce();
        api.resetRequests();
        loader.drop("bc_1/budget.csv", csv.toString());

        assertThat(loader.runOnce()).isZero();

        List<Long> arrivals = TruedyApi.requests(api).stream().map(request -> request.getLoggedDate().getTime())
                .sorted().toList();
        assertThat(arrivals).hasSize(30);
        // 600 a minute is 10 a second: the 11th request after any request comes a second later or more
        // (less 20 ms for the jitter of arrival on loopback)
        for (int i = 0; i + 10 < arrivals.size(); i++) {
            assertThat(arrivals.get(i + 10) - arrivals.get(i)).as("window from request %d", i).isGreaterThanOrEqualTo(980);
        }
        // and one campaign alone still uses the budget to the full: 29 intervals of 100 ms in 95% more at most
        double used = 29 * 100.0 / (arrivals.get(29) - arrivals.get(0));
        System.out.printf("DeliveryGuaranteesTest: one campaign alone used %.1f%% of the budget%n", used * 100);
        assertThat(used).as("share of the budget used").isGreaterThanOrEqualTo(0.95);
    }

    private List<Long> gapsBetweenRequestsMillis() {
        List<Long> times = TruedyApi.requests(api).stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        return IntStream.range(1, times.size()).mapToObj(i -> times.get(i) - times.get(i - 1)).toList();
    }
}
