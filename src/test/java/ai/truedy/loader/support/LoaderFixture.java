package ai.truedy.loader.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.truedy.loader.LoaderMain;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A loader with its own folders under a temporary directory, run in process with the real routes
 * from routes/ and the real beans, exactly as {@code java -jar ... --once} runs them.
 */
public final class LoaderFixture {

    public static final String API_KEY = "test-key-0123456789abcdef";

    public final Path inbox;
    public final Path done;
    public final Path error;
    public final Path retry;
    public final Path sandbox;
    public final Path preview;
    private final Map<String, String> settings = new HashMap<>();

    public LoaderFixture(Path root, String baseUrl) {
        inbox = root.resolve("inbox");
        done = root.resolve("done");
        error = root.resolve("error");
        retry = root.resolve("retry");
        sandbox = root.resolve("sandbox");
        preview = root.resolve("preview");
        settings.put("loader.inbox", inbox.toString());
        settings.put("loader.done", done.toString());
        settings.put("loader.error", error.toString());
        settings.put("loader.retry", retry.toString());
        settings.put("loader.sandbox.dir", sandbox.toString());
        settings.put("loader.preview-dir", preview.toString());
        settings.put("loader.state", root.resolve("state").toString());
        // management and the console on, as shipped (the console in service mode), on ports of their own: a test
        // that turned them off would hide what a user meets with them on
        settings.put("camel.management.port", "0");
        settings.put("loader.sandbox.port", "0");
        settings.put("loader.console.port", "0");
        // a quicker poll, so that the suite keeps to its time; ArrivalOrderTest runs with the shipped 1 s
        settings.put("loader.poll-delay", "100ms");
        settings.put("truedy.base-url", baseUrl);
        settings.put("truedy.api-key", API_KEY);
        settings.put("truedy.batch-call-id", "");
        // fast back-off and short waits, so that retries and pauses take milliseconds in tests
        settings.put("truedy.retry.initial-delay", "20ms");
        settings.put("truedy.retry.max-delay", "100ms");
        settings.put("truedy.rate-limit.max-wait", "300ms");
        settings.put("truedy.rate-limit.requests-per-minute", "0");
    }

    /** Turns the console on, on a free port of loopback; returns the port. */
    public int withConsole() throws IOException {
        int port = LoaderProcess.freePort();
        with("loader.console.enabled", "true").with("loader.console.port", String.valueOf(port));
        return port;
    }

    public LoaderFixture with(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** Writes a file into the inbox as a finished upload (last changed a minute ago). */
    public Path drop(String relativePath, String content) throws IOException {
        return dropBytes(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path dropBytes(String relativePath, byte[] content) throws IOException {
        Path file = inbox.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    /**
     * A one-column contact list of {@code rows} distinct numbers: {@code prefix} followed by seven
     * digits counting up from {@code first}, such as {@code phoneColumn("+1917", 1_000_000, 2)}.
     */
    public static String phoneColumn(String prefix, int first, int rows) {
        StringBuilder csv = new StringBuilder("phone\n");
        for (int row = 0; row < rows; row++) {
            csv.append(prefix).append("%07d\n".formatted(first + row));
        }
        return csv.toString();
    }

    /** Runs the loader once over the inbox; returns its exit code. */
    public int runOnce() {
        return new LoaderMain(settings, true).run();
    }

    /** Runs {@code --preview --once} over the inbox; returns its exit code. */
    public int previewOnce() {
        return new LoaderMain(settings, true, true).run();
    }

    /** A loader that watches the inbox until stopped. */
    public LoaderMain service() {
        return new LoaderMain(settings, false);
    }

    /** Starts a loader that watches the inbox; closing it stops it and checks that it exited with 0. */
    public RunningLoader startService() {
        LoaderMain loader = service();
        return new RunningLoader(loader, CompletableFuture.supplyAsync(loader::run));
    }

    /**
     * Waits until a file's report is in done/ and the file has left the inbox: the report is written
     * before the route ends, and Camel moves the original after it.
     */
    public void awaitReport(String stem) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions() // a file may move while the inbox is listed
                .until(() -> Files.exists(done.resolve(stem + ".report.json"))
                        && filesIn(inbox).stream().map(name -> name.substring(name.lastIndexOf('/') + 1))
                        .noneMatch(name -> name.startsWith(stem + ".") && name.indexOf('.', stem.length() + 1) < 0));
    }

    /** A loader running as a service in the background of a test. */
    public record RunningLoader(LoaderMain loader, CompletableFuture<Integer> exit) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            loader.stop();
            assertThat(exit.get(30, TimeUnit.SECONDS)).as("exit code after a stop").isZero();
        }
    }

    /** A report in done/, checked against the published schema. */
    public JsonNode report(String stem) throws IOException {
        return ReportSchemas.validated(done.resolve(stem + ".report.json"));
    }

    /** An error file in error/, checked against the published schema. */
    public JsonNode errorReport(String stem) throws IOException {
        return ReportSchemas.validated(error.resolve(stem + ".error.json"));
    }

    public List<Map<String, String>> rejectedRows(String stem) throws IOException {
        return csv(error.resolve(stem + ".rejected.csv"));
    }

    /** The rows of a file in retry/, such as {@code list.retry-1.csv}. */
    public List<Map<String, String>> retryRows(String fileName) throws IOException {
        return csv(retry.resolve(fileName));
    }

    /** The names of the files in a folder and its sub-folders, relative to it, sorted. */
    public static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Reads a CSV output file into rows keyed by its header. */
    public static List<Map<String, String>> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        }
    }
}
