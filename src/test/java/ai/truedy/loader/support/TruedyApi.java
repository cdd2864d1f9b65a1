package ai.truedy.loader.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** A WireMock server on loopback standing in for Truedy, with the answers the API documents. */
public final class TruedyApi {

    public static final String CONTACTS_PATH = "/api/public/v1/batch-calls/[^/]+/contacts";

    private TruedyApi() {
    }

    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    public static String baseUrl(WireMockExtension server) {
        return server.baseUrl() + "/api/public/v1";
    }

    /** Any contacts request. */
    public static MappingBuilder addContacts() {
        return post(urlPathMatching(CONTACTS_PATH));
    }

    /** 200 in the schema's shape: added_count / failed_count. */
    public static ResponseDefinitionBuilder addedCount(int added, int failed) {
        return json(200, """
                {"data":{"added_count":%d,"failed_count":%d},
                 "meta":{"request_id":"req_32e7531c-8","ts":"2026-03-10T17:00:00.000000Z"}}""".formatted(added, failed));
    }

    /** 200 in the example's shape: added / duplicates_skipped / invalid_skipped / total_contacts. */
    public static ResponseDefinitionBuilder addedSkipped(int added, int duplicates, int invalid, int total) {
        return json(200, """
                {"data":{"added":%d,"duplicates_skipped":%d,"invalid_skipped":%d,"total_contacts":%d},
                 "meta":{"request_id":"req_example","ts":"2026-04-05T10:22:00Z"}}""".formatted(added, duplicates,
                invalid, total));
    }

    /** An error in the ErrorResponse format. */
    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, """
                {"error":{"code":"%s","message":"%s","details":null},
                 "meta":{"request_id":"req_err_%d","ts":"2026-03-10T17:00:00Z"}}""".formatted(code, message, status));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The contacts requests the server received, oldest first. */
    public static List<LoggedRequest> requests(WireMockExtension server) {
        return server.findAll(postRequestedFor(urlPathMatching(CONTACTS_PATH)));
    }

    /** The contacts of every request received, oldest first, one list per request. */
    public static List<List<JsonNode>> sentBatches(WireMockExtension server) {
        ObjectMapper json = new ObjectMapper();
        List<List<JsonNode>> batches = new ArrayList<>();
        for (LoggedRequest request : requests(server)) {
            try {
                List<JsonNode> contacts = new ArrayList<>();
                json.readTree(request.getBody()).path("contacts").forEach(contacts::add);
                batches.add(contacts);
            } catch (java.io.IOException e) {
                throw new AssertionError("request body is not JSON: " + request.getBodyAsString(), e);
            }
        }
        return batches;
    }

    /** A sent contact on one line, to compare payloads exactly: phone, first name, last name, e-mail. */
    public static String inOneLine(JsonNode contact) {
        return contact.path("phone_number").asText() + " " + contact.path("first_name").asText() + " "
                + contact.path("last_name").asText() + " " + contact.path("email").asText("");
    }

    /** The contacts sent for each batch call, in one line each ({@link #inOneLine}), in order. */
    public static Map<String, List<String>> sentByBatchCall(WireMockExtension server) {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> sent = new TreeMap<>();
        for (LoggedRequest request : requests(server)) {
            String[] path = request.getUrl().split("/");
            try {
                json.readTree(request.getBody()).path("contacts").forEach(contact -> sent.computeIfAbsent(
                        path[path.length - 2], call -> new ArrayList<>()).add(inOneLine(contact)));
            } catch (java.io.IOException e) {
                throw new AssertionError("request body is not JSON: " + request.getBodyAsString(), e);
            }
        }
        return sent;
    }

    /** The phone numbers sent, in order. */
    public static List<String> sentPhones(WireMockExtension server) {
        return sentBatches(server).stream().flatMap(List::stream)
                .map(contact -> contact.path("phone_number").asText()).toList();
    }
}
