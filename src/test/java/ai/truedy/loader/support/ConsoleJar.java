package ai.truedy.loader.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;

import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as a service with the shipped application.properties (management on, as shipped),
 * its console on a port of its own, and Chromium on the console's page.
 *
 * @param port the port the console bound, as its start-up line says
 */
public record ConsoleJar(LoaderFixture folders, LoaderProcess loader, Browser browser, Path work, int port)
        implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern WHERE = Pattern.compile("Console at http://127\\.0\\.0\\.1:(\\d+)/");

    /**
     * @param settings the loader's settings, from its work folder; the console's port is added (a
     *                 free one) unless they give it
     * @param chromium more of Chromium's switches
     */
    public static ConsoleJar start(String name, String baseUrl, Function<Path, Map<String, String>> settings,
                                   String... chromium) throws Exception {
        Browser.assumeInstalled();
        Path work = LoaderProcess.freshWorkFolder(name);
        LoaderFixture folders = new LoaderFixture(work, baseUrl);
        Map<String, String> all = new HashMap<>(settings.apply(work));
        all.putIfAbsent("loader.console.port", String.valueOf(LoaderProcess.freePort()));
        return open(folders, work, LoaderProcess.startService(folders, work, "service.log", all), chromium);
    }

    /** The same work folder's loader again, as after a restart. */
    public ConsoleJar restart(Map<String, String> settings, String... chromium) throws Exception {
        close();
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("loader.console.port", String.valueOf(port));
        return open(folders, work, LoaderProcess.startService(folders, work, "service-again.log", all), chromium);
    }

    private static ConsoleJar open(LoaderFixture folders, Path work, LoaderProcess loader, String... chromium)
            throws Exception {
        Browser browser = null;
        try {
            int port = await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                Matcher where = WHERE.matcher(loader.log());
                return where.find() ? Integer.parseInt(where.group(1)) : null;
            }, found -> found != null);
            browser = new Browser(chromium);
            Browser page = browser;
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                page.driver.get("http://127.0.0.1:" + port + "/");
                return page.driver.findElement(By.id("updated")).getText().startsWith("updated");
            });
            return new ConsoleJar(folders, loader, browser, work, port);
        } catch (Exception | AssertionError e) {
            if (browser != null) {
                browser.close();
            }
            loader.terminate();
            loader.waitForExit(60);
            throw e;
        }
    }

    /** Settings that send to a fake API at this address, with a key, and more of them. */
    public static Map<String, String> sendingTo(String baseUrl, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("truedy.base-url", baseUrl, "truedy.api-key", "console-key"));
        settings.putAll(more);
        return settings;
    }

    public String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Stops the loader (SIGTERM) and waits for it, so that the next one finds its ports free. */
    @Override
    public void close() throws InterruptedException {
        try (browser) {
            loader.terminate();
            loader.waitForExit(60);
        }
    }
}
