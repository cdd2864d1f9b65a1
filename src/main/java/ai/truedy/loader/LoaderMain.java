package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.config.LoaderConfigException;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.wiring.LoaderConfiguration;
import org.apache.camel.main.Main;
import sun.misc.Signal;

/**
 * Runs the loader on Camel Main: {@code java -jar truedy-contacts-loader.jar [--once [--resend]] [--preview]}.
 *
 * <p>Settings come from the packaged defaults, then {@code ./application.properties} if present,
 * then environment variables ({@code TRUEDY_API_KEY}) and {@code -D} options, then any settings
 * given in code. Routes come from {@code ./routes/*.camel.yaml} when that folder exists, else from
 * the packaged copies.
 *
 * <p>Exit codes: 0 every row accepted; 3 some rows rejected or pending retry, or a file could not
 * be loaded; 1 the loader could not run (bad configuration, folders not writable).
 */
public final class LoaderMain {

    static final String DEFAULTS = "classpath:loader-defaults/";
    private static final String USAGE = "usage: java -jar truedy-contacts-loader.jar [--once [--resend]] [--preview]\n"
            + "  --once     load what is in the inbox, then exit\n"
            + "  --resend   with --once: send every row again, even numbers their batch call already has (loader.sent-memory)\n"
            + "  --preview  send nothing: write what a load would do to loader.preview-dir, leaving the inbox as it is";
    private static final List<String> OPTIONS = List.of("--once", "--preview", "--resend");

    private final Main main = new Main();
    private final LoaderRun run = new LoaderRun(main::completed);

    /**
     * @param settings properties fixed in code, above every other source (tests, embedding programs)
     * @param once     load what is in the inbox, then stop
     */
    public LoaderMain(Map<String, String> settings, boolean once) {
        this(settings, once, false);
    }

    /**
     * @param settings properties fixed in code, above every other source (tests, embedding programs)
     * @param once     load what is in the inbox, then stop
     * @param preview  send nothing: write what a load would do to {@code loader.preview-dir}
     */
    public LoaderMain(Map<String, String> settings, boolean once, boolean preview) {
        main.setPropertyPlaceholderLocations(
                DEFAULTS + "application.properties;optional=true,file:application.properties;optional=true");
        settings.forEach(main::addOverrideProperty);
        if (once) {
            main.addOverrideProperty("loader.once", "true");
        }
        if (preview) {
            main.addOverrideProperty("loader.preview", "true");
        }
        main.configure().withRoutesIncludePattern(routesPattern());
        main.configure().addConfiguration(new LoaderConfiguration(run, LoaderMain::previewBeside));
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        List<String> unknown = options.stream().filter(option -> !OPTIONS.contains(option)).toList();
        if (!unknown.isEmpty()) {
            System.err.println("truedy-contacts-loader: unknown option " + unknown.get(0) + "; " + USAGE);
            System.exit(LoaderRun.EXIT_CANNOT_RUN);
        }
        Map<String, String> resend = options.contains("--resend") ? Map.of("loader.resend", "true") : Map.of();
        System.exit(new LoaderMain(resend, options.contains("--once"), options.contains("--preview")).run());
    }

    /** Runs until the inbox is drained (once mode) or {@link #stop()}; returns the exit code. */
    public int run() {
        stopOnSignals();
        return runHere();
    }

    /** Runs as {@link #run()} does, leaving SIGTERM and Ctrl-C to the loader it runs beside. */
    int runHere() {
        try {
            main.run();
        } catch (Exception e) {
            System.err.println("truedy-contacts-loader: cannot run: " + reason(e));
            return LoaderRun.EXIT_CANNOT_RUN;
        }
        return run.exitCode();
    }

    /**
     * Starts a loader in preview mode in this process, beside this one ({@code loader.approval =
     * required}: the files that wait are previewed); SIGTERM and Ctrl-C stay this loader's. Closing
     * it stops it.
     */
    private static AutoCloseable previewBeside(Map<String, String> settings) {
        LoaderMain preview = new LoaderMain(settings, false, true);
        Thread running = new Thread(preview::runHere, "approval-previews");
        running.setDaemon(true);
        running.start();
        return () -> {
            preview.stop();
            running.join(30_000);
        };
    }

    /**
     * Asks a running loader to stop: batches in flight are finished and journaled, a file being
     * loaded stays in the inbox to be resumed, and {@link #run()} returns 0.
     */
    public void stop() {
        run.stop();
    }

    /**
     * SIGTERM and Ctrl-C stop the loader as {@link #stop()} does, instead of starting the JVM's
     * shutdown at once, so that the batches in flight are settled and the exit code is 0.
     */
    private void stopOnSignals() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> stop());
            } catch (IllegalArgumentException notOnThisPlatform) {
                // the JVM's own handling stays in place
            }
        }
    }

    private static String routesPattern() {
        Path routes = Path.of("routes");
        return Files.isDirectory(routes) ? "file:routes/*.camel.yaml" : DEFAULTS + "routes/*.camel.yaml";
    }

    /** The configuration problem if there is one, else the root cause. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof LoaderConfigException) {
                return cause.getMessage();
            }
            if (cause.getCause() == null) {
                return cause.toString();
            }
            cause = cause.getCause();
        }
        return String.valueOf(e);
    }
}
