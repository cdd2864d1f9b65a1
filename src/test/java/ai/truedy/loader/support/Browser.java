package ai.truedy.loader.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver: nothing is
 * downloaded. Without them the browser tests are skipped, with one line saying how to install them;
 * with {@code -Dloader.test.browser=required} (as .ci/run runs) they fail instead.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("loader.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("loader.test.chromedriver", "/usr/bin/chromedriver"));

    static final boolean REQUIRED = "required".equals(System.getProperty("loader.test.browser"));
    private static final String INSTALL = "apt-get install -y chromium chromium-driver (.ci/run does), or point"
            + " -Dloader.test.chromium and -Dloader.test.chromedriver at them";
    private static final AtomicBoolean SAID = new AtomicBoolean();

    public final WebDriver driver;

    /** Skips the test (or, when the browser is required, fails it) if Chromium or its driver is missing. */
    public static void assumeInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            missing("no Chromium and chromedriver at " + CHROMIUM + " and " + DRIVER, null);
        }
    }

    private static void missing(String why, RuntimeException cause) {
        String line = "the console's browser tests need Chromium and its driver: " + why + "; " + INSTALL;
        if (REQUIRED) {
            throw new AssertionError(line + " (-Dloader.test.browser=required)", cause);
        }
        if (SAID.compareAndSet(false, true)) {
            System.err.println("SKIPPED: " + line);
        }
        Assumptions.abort(line);
    }

    /** @param arguments more of Chromium's switches, such as {@code --host-resolver-rules=...} */
    public Browser(String... arguments) {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                        "--disable-gpu")
                .addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver started = null;
        try {
            started = new ChromeDriver(service, options);
        } catch (SessionNotCreatedException e) {
            missing("Chromium at " + CHROMIUM + " did not start (" + e.getRawMessage() + ")", e);
        }
        driver = started;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** Makes the window this wide (CSS pixels), as a phone's or a laptop's. */
    public void width(int pixels) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(pixels, 1000));
    }

    /** Saves what the page shows now as a PNG. */
    public void screenshot(Path file) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
