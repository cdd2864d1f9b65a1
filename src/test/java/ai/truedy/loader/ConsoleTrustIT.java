package ai.truedy.loader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.ConsoleJar;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.TruedyApi;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static ai.truedy.loader.support.ConsoleJar.PATIENCE;
import static ai.truedy.loader.support.ConsoleJar.sendingTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What makes the console safe to leave open: it answers only its own host name and its own page's
 * posts, shows no phone number and follows no link, pauses on request, says honestly how long is
 * left, and can be used on a phone and with assistive technology. The packaged jar with the
 * shipped application.properties (management on), Chromium on its page.
 */
class ConsoleTrustIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "root:x:0:0:secret-line-Zq9";
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers_neither_another_host_name_nor_a_post_from_another_site() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        try (ConsoleJar console = ConsoleJar.start("console-origin", TruedyApi.baseUrl(api),
                work -> sendingTo(TruedyApi.baseUrl(api), Map.of()),
                "--host-resolver-rules=MAP rebind.attacker.example 127.0.0.1, MAP evil.example 127.0.0.1")) {
            WebDriver page = console.browser().driver;
            Path waiting = console.folders().retry.resolve("old.retry-1.csv");
            Files.createDirectories(waiting.getParent());
            Files.writeString(waiting, "phone,batch_call_id\n+12127361001,bc_1\n");

            // DNS rebinding: another site's name, resolved to the console's address
            page.get("http://rebind.attacker.example:" + console.port() + "/api/status");
            assertThat(page.findElement(By.tagName("body")).getText())
                    .contains("answers only to its own host names").doesNotContain("csrf_token");
            page.get("http://rebind.attacker.example:" + console.port() + "/");
            assertThat(page.findElements(By.tagName("h1"))).isEmpty();

            // another site's page posts a form to the console, even with the right token in it
            String token = JSON.readTree(get(console.base() + "api/status").body()).path("csrf_token").asText();
            api.stubFor(WireMock.get("/evil.html").willReturn(WireMock.aResponse().withHeader("Content-Type", "text/html")
                    .withBody("<form method='post' action='" + console.base() + "api/retry/redrive'>"
                            + "<input type='hidden' name='X-CSRF-Token' value='" + token + "'>"
                            + "<button id='go' type='submit'>win a prize</button></form>")));
            page.get("http://evil.example:" + api.getPort() + "/evil.html");
            page.findElement(By.id("go")).click();
            await().atMost(PATIENCE).until(() -> page.findElement(By.tagName("body")).getText()
                    .contains("a request from another site is refused"));
            assertThat(waiting).as("nothing was re-driven").exists();

            // the token counts only in its header: not in the address, nor with another site's Origin
            assertThat(post(console.base() + "api/retry/redrive?X-CSRF-Token=" + token, Map.of()).statusCode()).isEqualTo(403);
            assertThat(post(console.base() + "api/retry/redrive", Map.of("X-CSRF-Token", token,
                    "Origin", "http://evil.example")).statusCode()).isEqualTo(403);
            assertThat(waiting).exists();
            HttpResponse<String> files = get(console.base() + "api/files");
            assertThat(files.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(files.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(files.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
        }
    }

    @Test
    void shows_no_phone_number_follows_no_link_and_passes_axe_on_a_phone_and_a_laptop() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        try (ConsoleJar console = ConsoleJar.start("console-privacy", TruedyApi.baseUrl(api),
                work -> sendingTo(TruedyApi.baseUrl(api), Map.of()))) {
            WebDriver page = console.browser().driver;
            LoaderFixture folders = console.folders();
            Path secret = Files.writeString(Files.createDirectories(console.work().resolve("outside")).resolve("secret.txt"),
                    SECRET + "\n+12125550199\n");
            Files.createDirectories(folders.inbox.resolve("bc_1"));
            Files.createSymbolicLink(folders.inbox.resolve("bc_1/passwd.csv"), secret);
            Files.createDirectories(folders.retry);
            Files.createSymbolicLink(folders.retry.resolve("evil.retry-1.csv"), secret);
            folders.drop("bc_2/numbers.csv", "+12127361001,Jane,Doe\n+12127361002,John,Roe\n");
            folders.drop("bc_3/list.csv", "phone,first_name\n+12127361003,Ann\n12345,Bob\n");
            folders.drop("bc_4/.loader.properties", "loader.approval = required\n");
            folders.drop("bc_4/waiting.csv", "phone\n+12127361004\n");

            page.findElement(By.id("redrive")).click();
            page.switchTo().alert().accept();
            await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(By.id("recent")).getText(),
                    text -> text.contains("bc_1/passwd.csv") && text.contains("evil.retry-1.csv")
                            && text.contains("bc_2/numbers.csv") && text.contains("bc_3/list.csv"));
            await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(By.id("waiting")).getText(),
                    text -> text.contains("bc_4/waiting.csv") && text.contains("Approve"));

            String shown = page.findElement(By.tagName("body")).getText();
            assertThat(shown).contains("a symbolic link", "looks like data, not a header")
                    .doesNotContain("secret-line", "root:x", "2127361001", "2127361002", "2127361003", "2127361004",
                            "5550199", "7361001");
            String api = get(console.base() + "api/files").body();
            assertThat(api).doesNotContain("secret-line", "2127361001", "2127361002", "2127361003", "2127361004");
            assertThat(secret).as("the link's target is where it was").hasContent(SECRET + "\n+12125550199\n");
            assertThat(folders.error.resolve("passwd.csv")).isSymbolicLink();
            assertThat(Files.readString(folders.error.resolve("passwd.error.json")))
                    .contains("a symbolic link").doesNotContain("secret-line");
            assertThat(Files.readString(folders.error.resolve("numbers.error.json")))
                    .doesNotContain("2127361001").contains("+1212***1001");

            for (int width : new int[] {1280, 390}) {
                console.browser().width(width);
                page.navigate().refresh();
                await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(By.id("waiting")).getText()
                        .contains("bc_4/waiting.csv"));
                List<String> serious = new ArrayList<>();
                for (Rule violation : new AxeBuilder().analyze(page).getViolations()) {
                    if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                        serious.add(violation.getId() + ": " + violation.getHelp());
                    }
                }
                assertThat(serious).as("axe-core at %d px", width).isEmpty();
                JavascriptExecutor script = (JavascriptExecutor) page;
                assertThat((Long) script.executeScript("return document.documentElement.scrollWidth"))
                        .as("no sideways scrolling at %d px", width)
                        .isLessThanOrEqualTo((Long) script.executeScript("return document.documentElement.clientWidth"));
                // read in one go: the page redraws its lists while it is looked at
                @SuppressWarnings("unchecked")
                List<List<Object>> buttons = (List<List<Object>>) script.executeScript("return Array.from("
                        + "document.querySelectorAll('button:not([hidden])')).map(button => [button.textContent,"
                        + " button.getBoundingClientRect().right + window.scrollX])");
                assertThat(buttons).isNotEmpty();
                for (List<Object> button : buttons) {
                    assertThat(((Number) button.get(1)).doubleValue()).as("%s at %d px", button.get(0), width)
                            .isLessThanOrEqualTo(width);
                }
            }
            console.browser().screenshot(Path.of("target", "console-390.png"));
        }
    }

    @Test
    void a_pause_holds_every_sender_across_a_restart_until_resumed() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(3, 0)));
        Map<String, String> settings = sendingTo(TruedyApi.baseUrl(api), Map.of());
        ConsoleJar console = ConsoleJar.start("console-pause", TruedyApi.baseUrl(api), work -> settings);
        try {
            WebDriver page = console.browser().driver;
            page.findElement(By.id("pause")).click();
            page.switchTo().alert().accept();
            await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(By.id("sending-reason")).getText()
                    .contains("paused by a console user (no password set), on the console"));
            assertThat(page.findElement(By.id("sending-state")).getText()).isEqualTo("paused");
            HttpResponse<String> health = get("http://127.0.0.1:" + console.loader().managementPort() + "/observe/health?exposureLevel=full");
            assertThat(health.statusCode()).as("readiness").isEqualTo(503);
            assertThat(health.body()).contains("sending is paused by a console user (no password set), on the console");

            console.folders().drop("bc_1/list.csv", "phone\n+12127361001\n+12127361002\n+12127361003\n");
            await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(By.id("in-flight")).getText()
                    .contains("bc_1/list.csv"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> TruedyApi.requests(api).isEmpty());

            console = console.restart(settings);
            WebDriver again = console.browser().driver;
            await().atMost(PATIENCE).ignoreExceptions().until(() -> again.findElement(By.id("sending-state")).getText()
                    .equals("paused"));
            assertThat(again.findElement(By.id("sending-reason")).getText()).contains("paused by a console user");
            assertThat(console.folders().inbox.resolve("bc_1/list.csv")).as("not rolled back, not moved").exists();
            assertThat(TruedyApi.requests(api)).isEmpty();

            again.findElement(By.id("resume")).click();
            await().atMost(PATIENCE).ignoreExceptions().until(() -> again.findElement(By.id("recent")).getText()
                    .contains("bc_1/list.csv"));
            assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361001", "+12127361002", "+12127361003");
            assertThat(again.findElement(By.id("sending-state")).getText()).isIn("idle", "running");
        } finally {
            console.close();
        }
    }

    @Test
    void time_left_is_within_a_quarter_of_the_real_time_with_two_campaigns_sharing_the_budget() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(5, 0)));
        try (ConsoleJar console = ConsoleJar.start("console-time-left", TruedyApi.baseUrl(api),
                work -> sendingTo(TruedyApi.baseUrl(api), Map.of("truedy.batch-size", "5",
                        "truedy.rate-limit.requests-per-minute", "120")))) {
            console.folders().drop("bc_a/big.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 200));
            console.folders().drop("bc_b/small.csv", LoaderFixture.phoneColumn("+1213", 7_361_000, 80));

            record Sample(long at, String file, double progress, long secondsLeft) {
            }
            List<Sample> samples = new ArrayList<>();
            Map<String, Long> finished = new HashMap<>();
            Map<String, Boolean> seen = new HashMap<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                long now = System.nanoTime();
                JsonNode inFlight = JSON.readTree(get(console.base() + "api/files").body()).path("in_flight");
                List<String> loading = new ArrayList<>();
                for (JsonNode file : inFlight) {
                    String name = file.path("file").asText();
                    loading.add(name);
                    seen.put(name, true);
                    if (file.path("progress").asDouble() >= 0.2 && !file.path("seconds_left_at_budget").isNull()) {
                        samples.add(new Sample(now, name, file.path("progress").asDouble(),
                                file.path("seconds_left_at_budget").asLong()));
                    }
                }
                seen.keySet().stream().filter(name -> !loading.contains(name)).forEach(name -> finished.putIfAbsent(name, now));
                return finished.size() == 2;
            });
            assertThat(console.browser().driver.findElement(By.id("recent")).getText()).isNotEmpty();

            List<String> misses = new ArrayList<>();
            int checked = 0;
            for (Sample sample : samples) {
                double actual = (finished.get(sample.file()) - sample.at()) / 1e9;
                if (actual < 8) {
                    continue; // the page's seconds and its 3 s refresh are too coarse for the last moments
                }
                checked++;
                if (Math.abs(sample.secondsLeft() - actual) > 0.25 * actual) {
                    misses.add(String.format("%s at %.0f%%: said %d s, took %.1f s", sample.file(), sample.progress() * 100,
                            sample.secondsLeft(), actual));
                }
            }
            assertThat(checked).as("estimates past 20 %% read, with 8 s or more to go").isGreaterThan(10);
            assertThat(samples).extracting(Sample::file).contains("bc_a/big.csv", "bc_b/small.csv");
            assertThat(misses).as("estimates off by more than 25 %% of %d", checked).isEmpty();
        }
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
