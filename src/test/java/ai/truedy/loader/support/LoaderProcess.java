package ai.truedy.loader.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as its own process from the project root, as ops run it
 * ({@code java -jar target/truedy-contacts-loader.jar --once}), with its folders under a test's
 * work folder and its output in a log file there.
 */
public final class LoaderProcess {

    /**
     * The test jars are short runs side by side on a build machine's two cores: the JIT's quick
     * tier only and one GC thread spend less of them on the JVM itself than on the loader.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final Path log;
    private final int managementPort;

    private LoaderProcess(Process process, Path log, int managementPort) {
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /**
     * The port of Camel's management server (/observe/health, /observe/metrics). It is on, as
     * shipped, but on a free port unless the test gives one, so that the tests' loaders run side by side.
     */
    public int managementPort() {
        return managementPort;
    }

    /** Starts the jar with --once, the fixture's folders and the given settings as -D options. */
    public static LoaderProcess start(LoaderFixture folders, Path work, String logName, Map<String, String> settings)
            throws IOException {
        return start(folders, work, logName, settings, true, List.of());
    }

    /** Starts the jar with --once and JVM options such as {@code -Xmx256m}. */
    public static LoaderProcess start(LoaderFixture folders, Path work, String logName, Map<String, String> settings,
                                      List<String> jvmOptions) throws IOException {
        return start(folders, work, logName, settings, true, jvmOptions);
    }

    /** Starts the jar as a service, watching the inbox until it is stopped. */
    public static LoaderProcess startService(LoaderFixture folders, Path work, String logName,
                                             Map<String, String> settings) throws IOException {
        return start(folders, work, logName, settings, false, List.of());
    }

    private static LoaderProcess start(LoaderFixture folders, Path work, String logName, Map<String, String> settings,
                                       boolean once, List<String> jvmOptions) throws IOException {
        return start(folders, work, logName, settings, jvmOptions, once ? List.of("--once") : List.of(), Path.of("."),
                Map.of());
    }

    /** Starts the jar with --once in these environment variables (a locale: {@code LC_ALL=C}), over the build's. */
    public static LoaderProcess startWithEnvironment(LoaderFixture folders, Path work, String logName,
                                                     Map<String, String> settings, Map<String, String> environment)
            throws IOException {
        return start(folders, work, logName, settings, List.of(), List.of("--once"), Path.of("."), environment);
    }

    /**
     * Starts the jar from another folder than the project root, so that the {@code routes/} and
     * {@code application.properties} it finds there are the ones it uses, with the given arguments.
     */
    public static LoaderProcess startIn(Path directory, LoaderFixture folders, Path work, String logName,
                                        Map<String, String> settings, String... arguments) throws IOException {
        return start(folders, work, logName, settings, List.of(), List.of(arguments), directory, Map.of());
    }

    private static LoaderProcess start(LoaderFixture folders, Path work, String logName, Map<String, String> settings,
                                       List<String> jvmOptions, List<String> arguments, Path directory,
                                       Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(QUICK_START);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dloader.inbox=" + folders.inbox, "-Dloader.done=" + folders.done,
                "-Dloader.error=" + folders.error, "-Dloader.retry=" + folders.retry,
                "-Dloader.state=" + work.resolve("state")));
        if (!settings.containsKey("loader.console.enabled") && !settings.containsKey("loader.console.port")) {
            command.add("-Dloader.console.enabled=false"); // port 8080 may be taken on the build machine
        }
        int managementPort = settings.containsKey("camel.management.port")
                ? Integer.parseInt(settings.get("camel.management.port")) : freePort();
        if (!settings.containsKey("camel.management.port")) {
            command.add("-Dcamel.management.port=" + managementPort);
        }
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", Path.of(System.getProperty("loader.jar", "target/truedy-contacts-loader.jar"))
                .toAbsolutePath().toString()));
        command.addAll(arguments);
        Path log = work.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new LoaderProcess(process, log, managementPort);
    }

    /** A port nothing listens on now, for a loader or a server a test starts. */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the loader did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops a service. */
    public void terminate() {
        process.destroy();
    }

    /** SIGSTOP: the process freezes where it is, as in a long GC pause or a suspended VM. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /**
     * SIGCONT: a frozen process goes on from where it was. A process that has already ended is left
     * alone, so that a test's clean-up does not hide why the test failed.
     */
    public void thaw() throws IOException, InterruptedException {
        if (process.isAlive()) {
            signal("CONT");
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** kill -9: no shutdown hook, no flush, nothing. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Empties a work folder left by an earlier run. */
    public static Path freshWorkFolder(String name) throws IOException {
        Path work = Path.of("target", "it", name).toAbsolutePath();
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(work);
    }
}
