package ai.truedy.loader;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import ai.truedy.loader.support.Browser;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderProcess;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console's page in Chromium, served by the packaged jar running as a service. */
class ConsoleBrowserIT {

    @RegisterExtension
    static WireMockExtension api = TruedyApi.server();

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void the_readme_sample_in_service_mode_shows_on_the_page() throws Exception {
        Path work = LoaderProcess.freshWorkFolder("console-sample");
        LoaderFixture folders = new LoaderFixture(work, "unused");
        int port = freePort();
        Map<String, String> settings = new HashMap<>(Map.of("loader.console.port", String.valueOf(port),
                "loader.sandbox.port", "0", "loader.sandbox.dir", work.resolve("sandbox").toString(),
                "camel.management.enabled", "false"));
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", settings);
        try (Browser browser = new Browser()) {
            open(browser, port);
            folders.dropBytes("demo-campaign/contacts.csv", Files.readAllBytes(Path.of("samples/contacts.csv")));

            WebElement row = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.cssSelector("#recent tbody tr")),
                            found -> found.getText().contains("demo-campaign/contacts.csv"));
            assertThat(row.getText()).contains("done");
            assertThat(browser.driver.findElement(By.id("sending-state")).getText()).isIn("idle", "running");
            assertThat(browser.driver.getPageSource()).doesNotContain("736-1000", "7361000", "555 0132");
        } finally {
            loader.terminate();
        }
    }

    @Test
    void a_file_in_flight_shows_a_moving_progress_bar_then_its_rejected_rows_can_be_downloaded() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(5, 0)));
        Path work = LoaderProcess.freshWorkFolder("console-progress");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        int port = freePort();
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", apiSettings(port,
                Map.of("truedy.batch-size", "5", "truedy.rate-limit.requests-per-minute", "60")));
        try (Browser browser = new Browser()) {
            open(browser, port);
            folders.drop("bc_1/list.csv", LoaderFixture.phoneColumn("+1212", 7_361_000, 50) + "not-a-phone\n");

            WebElement bar = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.cssSelector("#in-flight progress")), found -> value(found) > 0);
            double first = value(bar);
            await().atMost(PATIENCE).ignoreExceptions().until(() -> value(browser.driver.findElement(
                    By.cssSelector("#in-flight progress"))) > first);
            browser.screenshot(Path.of("target", "console.png")); // docs/console.png, in the README

            WebElement rejected = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.linkText("rejected")), WebElement::isDisplayed);
            Object text = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
                    rejected.getAttribute("href"));
            assertThat(String.valueOf(text)).contains("not-a-phone", "invalid_phone");
        } finally {
            loader.terminate();
        }
    }

    @Test
    void a_waiting_file_is_sent_once_approved_on_the_page() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        Path work = LoaderProcess.freshWorkFolder("console-approval");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        int port = freePort();
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log",
                apiSettings(port, Map.of("loader.approval", "required")));
        try (Browser browser = new Browser()) {
            open(browser, port);
            folders.drop("bc_1/list.csv", "phone\n+12127361001\n+12127361002\nnot-a-phone\n");

            WebElement waiting = await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> browser.driver.findElement(By.cssSelector("#waiting tbody tr")),
                            found -> found.getText().contains("bc_1/list.csv") && found.getText().contains("invalid_phone 1"));
            assertThat(TruedyApi.requests(api)).isEmpty();
            waiting.findElement(By.xpath(".//button[text()='Approve']")).click();

            await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.driver.findElement(
                    By.cssSelector("#recent tbody tr")).getText().contains("bc_1/list.csv"));
            assertThat(TruedyApi.sentPhones(api)).containsExactlyInAnyOrder("+12127361001", "+12127361002");
            loader.terminate();
            assertThat(loader.waitForExit(60)).as("SIGTERM stops the loader, and the previews beside it").isZero();
        } finally {
            loader.terminate();
        }
    }

    @Test
    void a_paused_state_shows_its_reason() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.error(402, "insufficient_credits", "Out of credits")));
        Path work = LoaderProcess.freshWorkFolder("console-paused");
        LoaderFixture folders = new LoaderFixture(work, TruedyApi.baseUrl(api));
        int port = freePort();
        LoaderProcess loader = LoaderProcess.startService(folders, work, "service.log", apiSettings(port, Map.of()));
        try (Browser browser = new Browser()) {
            open(browser, port);
            folders.drop("bc_1/list.csv", "phone\n+12127361001\n");

            await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.driver.findElement(By.id("sending-state"))
                    .getText().equals("paused"));
            assertThat(browser.driver.findElement(By.id("sending-reason")).getText()).contains("suspended", "402");
        } finally {
            loader.terminate();
        }
    }

    static Map<String, String> apiSettings(int port, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("loader.console.port", String.valueOf(port),
                "truedy.base-url", TruedyApi.baseUrl(api), "truedy.api-key", "console-key",
                "camel.management.enabled", "false"));
        settings.putAll(more);
        return settings;
    }

    static void open(Browser browser, int port) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.driver.get("http://127.0.0.1:" + port + "/");
            return browser.driver.findElement(By.id("updated")).getText().startsWith("updated");
        });
    }

    static double value(WebElement progress) {
        return Double.parseDouble(progress.getAttribute("value"));
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
