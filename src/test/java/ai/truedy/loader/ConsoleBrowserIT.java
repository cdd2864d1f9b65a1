package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import ai.truedy.loader.support.ConsoleJar;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static ai.truedy.loader.support.ConsoleJar.sendingTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's page in Chromium, served by the packaged jar running as a service with the shipped
 * application.properties: management on, the console on a port other than 8080.
 */
class ConsoleBrowserIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    static final Duration PATIENCE = ConsoleJar.PATIENCE;

    @Test
    void the_readme_sample_in_service_mode_shows_on_the_page() throws Exception {
        try (ConsoleJar console = ConsoleJar.start("console-sample", "unused", work -> Map.of("loader.sandbox.port", "0",
                "loader.sandbox.dir", work.resolve("sandbox").toString()))) {
            WebDriver page = console.browser().driver;
            console.folders().dropBytes("demo-campaign/contacts.csv", Files.readAllBytes(Path.of("samples/contacts.csv")));

            WebElement row = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> page.findElement(By.cssSelector("#recent tbody tr")),
                            found -> found.getText().contains("demo-campaign/contacts.csv"));
            assertThat(row.getText()).contains("done");
            assertThat(page.findElement(By.id("sending-state")).getText()).isIn("idle", "running");
            assertThat(page.getPageSource()).doesNotContain("736-1000", "7361000", "555 0132");
        }
    }

    @Test
    void a_file_in_flight_shows_a_moving_progress_bar_then_its_rejected_rows_can_be_downloaded() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(5, 0)));
        try (ConsoleJar console = ConsoleJar.start("console-progress", TruedyApi.baseUrl(api), work -> sendingTo(
                TruedyApi.baseUrl(api), Map.of("truedy.batch-size", "5", "truedy.rate-limit.requests-per-minute", "60")))) {
            WebDriver page = console.browser().driver;
            console.folders().drop("bc_1/list.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 50) + "not-a-phone\n");

            WebElement bar = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> page.findElement(By.cssSelector("#in-flight progress")), found -> value(found) > 0);
            double first = value(bar);
            await().atMost(PATIENCE).ignoreExceptions().until(() -> value(page.findElement(
                    By.cssSelector("#in-flight progress"))) > first);
            console.browser().screenshot(Path.of("target", "console.png")); // docs/console.png, in the README

            WebElement rejected = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> page.findElement(By.linkText("rejected")), WebElement::isDisplayed);
            Object text = ((JavascriptExecutor) page).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                    rejected.getAttribute("href"));
            assertThat(String.valueOf(text)).contains("not-a-phone", "invalid_phone");
        }
    }

    @Test
    void a_waiting_file_is_sent_once_approved_on_the_page() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        try (ConsoleJar console = ConsoleJar.start("console-approval", TruedyApi.baseUrl(api),
                work -> sendingTo(TruedyApi.baseUrl(api), Map.of("loader.approval", "required")))) {
            WebDriver page = console.browser().driver;
            console.folders().drop("bc_1/list.csv", "phone\n+12127361001\n+12127361002\nnot-a-phone\n");

            WebElement waiting = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> page.findElement(By.cssSelector("#waiting tbody tr")),
                            found -> found.getText().contains("bc_1/list.csv") && found.getText().contains("invalid_phone 1"));
            assertThat(TruedyApi.requests(api)).isEmpty();
            WebElement approve = waiting.findElement(By.xpath(".//button[text()='Approve']"));
            ((JavascriptExecutor) page).executeScript("arguments[0].focus();", approve);
            String updated = page.findElement(By.id("updated")).getText();
            await().atMost(PATIENCE).until(() -> !page.findElement(By.id("updated")).getText().equals(updated));
            assertThat(page.switchTo().activeElement()).as("a refresh that changed nothing keeps the row and its focus")
                    .isEqualTo(approve);
            approve.click();
            Alert confirmation = page.switchTo().alert();
            assertThat(confirmation.getText()).as("it names the file, its rows and its requests")
                    .contains("bc_1/list.csv", "2 of its 3 rows", "in 1 request");
            confirmation.accept();

            WebElement recent = await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(
                    By.cssSelector("#recent tbody tr")), found -> found.getText().contains("bc_1/list.csv"));
            assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361001", "+12127361002");
            assertThat(recent.findElement(By.cssSelector("td[data-label='Approved']")).getText())
                    .startsWith("a console user (no password set), on the console, ");
            JsonNode report = new ObjectMapper().readTree(console.folders().done.resolve("list.report.json").toFile());
            assertThat(report.path("approved_by").asText()).isEqualTo("a console user (no password set), on the console");
            assertThat(Instant.parse(report.path("approved_at").asText())).isBefore(Instant.parse(report.path("started_at").asText()));
            console.loader().terminate();
            assertThat(console.loader().waitForExit(60)).as("SIGTERM stops the loader, and the previews beside it").isZero();
        }
    }

    @Test
    void a_console_on_port_0_says_which_port_it_bound_and_serves_there() throws Exception {
        try (ConsoleJar console = ConsoleJar.start("console-port-0", "unused", work -> Map.of("loader.console.port", "0",
                "loader.sandbox.port", "0", "loader.sandbox.dir", work.resolve("sandbox").toString()))) {
            assertThat(console.port()).isPositive();
            assertThat(console.loader().log()).doesNotContain("127.0.0.1:0/");
            assertThat(console.browser().driver.findElement(By.tagName("h1")).getText()).isEqualTo("Truedy contacts loader");
        }
    }

    @Test
    void a_paused_state_shows_its_reason() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(402, "insufficient_credits", "Out of credits")));
        try (ConsoleJar console = ConsoleJar.start("console-paused", TruedyApi.baseUrl(api),
                work -> sendingTo(TruedyApi.baseUrl(api), Map.of()))) {
            WebDriver page = console.browser().driver;
            console.folders().drop("bc_1/list.csv", "phone\n+12127361001\n");

            await().atMost(PATIENCE).ignoreExceptions().until(() -> page.findElement(By.id("sending-state"))
                    .getText().equals("paused"));
            assertThat(page.findElement(By.id("sending-reason")).getText()).contains("suspended", "402");
        }
    }

    static double value(WebElement progress) {
        return Double.parseDouble(progress.getAttribute("value"));
    }
}
