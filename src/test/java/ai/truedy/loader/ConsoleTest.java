package ai.truedy.loader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import ai.truedy.loader.support.LoaderFixture.RunningLoader;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The console's JSON API, run by a loader watching the inbox, with a password. */
class ConsoleTest extends LoaderTest {

    static final String PASSWORD = "s3cret-console-pw";
    static final String LIST = """
            phone,first_name
            +12127361001,Ann
            not a phone,Bob
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int port;

    @BeforeEach
    void console() throws IOException {
        port = loader.withConsole();
        loader.with("loader.console.username", "ops").with("loader.console.password", PASSWORD);
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void lists_a_finished_file_with_its_counts_and_serves_its_rejected_rows() throws Exception {
        try (RunningLoader running = loader.startService()) {
            awaitConsole();
            loader.drop("bc_1/list.csv", LIST);
            loader.awaitReport("list");

            JsonNode recent = await().atMost(Duration.ofSeconds(10)).until(() -> files().path("recent"), r -> r.size() == 1).get(0);
            assertThat(recent.path("file").asText()).isEqualTo("bc_1/list.csv");
            assertThat(recent.path("accepted").asInt()).isEqualTo(1);
            assertThat(recent.path("rejected").asInt()).isEqualTo(1);
            assertThat(recent.path("reasons").path("invalid_phone").asInt()).isEqualTo(1);
            assertThat(recent.toString()).doesNotContain("2127361001");
            await().atMost(Duration.ofSeconds(10)).until(() -> files().path("in_flight").isEmpty());

            HttpResponse<String> rejected = get(recent.path("downloads").path("rejected").asText(), true);
            assertThat(rejected.statusCode()).isEqualTo(200);
            assertThat(rejected.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).contains("list.rejected.csv"));
            assertThat(rejected.body()).contains("not a phone,Bob").contains("invalid_phone");
        }
    }

    @Test
    void refuses_every_path_without_the_password() throws Exception {
        try (RunningLoader running = loader.startService()) {
            awaitConsole();
            for (String path : new String[] {"", "api/status", "api/files", "assets/console.js"}) {
                assertThat(get(path, false).statusCode()).as(path).isEqualTo(401);
            }
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base() + "api/status"))
                    .header("Authorization", basic("ops", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(get("", true).body()).contains("<h1>Truedy contacts loader</h1>").doesNotContain(PASSWORD);
        }
    }

    @Test
    void refuses_a_post_without_the_pages_csrf_token() throws Exception {
        try (RunningLoader running = loader.startService()) {
            awaitConsole();
            assertThat(post("api/retry/redrive", null).statusCode()).isEqualTo(403);
            assertThat(post("api/retry/redrive", "not-the-token").statusCode()).isEqualTo(403);
            HttpResponse<String> redrive = post("api/retry/redrive", status().path("csrf_token").asText());
            assertThat(redrive.statusCode()).isEqualTo(200);
            assertThat(json.readTree(redrive.body()).path("files_redriven").asInt()).isZero();
        }
    }

    @Test
    void never_serves_a_file_outside_the_loaders_folders() throws Exception {
        Path outside = loader.inbox.getParent().resolve("secret.csv");
        Files.writeString(outside, "phone\n+12127369999\n");
        Files.createDirectories(loader.done);
        Files.createSymbolicLink(loader.done.resolve("link.csv"), outside);
        try (RunningLoader running = loader.startService()) {
            awaitConsole();
            for (String id : new String[] {id("done:../secret.csv"), id("done:link.csv"), id("done:..%2Fsecret.csv"),
                    id("elsewhere:secret.csv"), "..%2F..%2Fsecret.csv", "%2e%2e", id("done:/etc/passwd")}) {
                for (String part : new String[] {"report", "rejected", "file"}) {
                    HttpResponse<String> answer = get("api/files/" + id + "/" + part, true);
                    assertThat(answer.statusCode()).as(id + "/" + part).isIn(400, 404);
                    assertThat(answer.body()).doesNotContain("2127369999");
                }
            }
        }
    }

    @Test
    void listens_on_loopback_only_by_default() throws Exception {
        InetAddress other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(card -> Collections.list(card.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && address instanceof Inet4Address).findFirst()
                .orElse(null);
        assumeTrue(other != null, "this machine has no address but loopback to try from");
        try (RunningLoader running = loader.startService()) {
            awaitConsole();
            assertThatThrownBy(() -> new Socket(other, port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void refuses_to_start_when_its_port_is_taken_naming_the_port_and_the_setting() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            assertThat(loader.service().run()).isEqualTo(1);
        } finally {
            System.setErr(stderr);
        }
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("port " + port
                + " (loader.console.port) is in use by another process: stop it or set another port");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void lists_what_sits_in_the_inbox_not_taken_with_why_and_not_the_ready_markers_themselves() throws Exception {
        loader.with("loader.ready-marker", "${file:name.noext}.done");
        Path unread = loader.drop("bc_1/notes.txt", "not a list");
        Path unmarked = loader.drop("bc_2/list.csv", LIST);
        Path marker = loader.drop("bc_1/notes.done", ""); // the marker of notes.txt
        for (Path file : List.of(unread, unmarked, marker)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        }
        try (RunningLoader running = loader.startService()) {
            awaitConsole();

            JsonNode notTaken = await().atMost(Duration.ofSeconds(10)).until(() -> files().path("not_taken"), list -> list.size() == 2);
            assertThat(notTaken.findValuesAsText("file")).containsExactly("bc_1/notes.txt", "bc_2/list.csv");
            assertThat(notTaken.get(0).path("why").asText()).contains("loader.extensions");
            assertThat(notTaken.get(1).path("why").asText()).contains("its ready marker", "bc_2/list.done");
        }
        assertThat(Files.exists(unmarked)).as("not loaded without its marker").isTrue();
    }

    /** The loader starts in the background: its console answers once it is up. */
    void awaitConsole() {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("api/status", false).statusCode() == 401);
    }

    JsonNode status() throws Exception {
        return json.readTree(get("api/status", true).body());
    }

    JsonNode files() throws Exception {
        return json.readTree(get("api/files", true).body());
    }

    HttpResponse<String> get(String path, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (authorized) {
            request.header("Authorization", basic("ops", PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", basic("ops", PASSWORD));
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String id(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
