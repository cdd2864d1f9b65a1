package ai.truedy.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.main.Main;

/**
 * Runs the loader on Camel Main: {@code java -jar truedy-contacts-loader.jar [--once]}.
 *
 * <p>Settings come from the packaged defaults, then {@code ./application.properties} if present,
 * then environment variables ({@code TRUEDY_API_KEY}) and {@code -D} options. Routes come from
 * {@code ./routes/*.camel.yaml} when that folder exists, else from the packaged copies.
 *
 * <p>Exit codes: 0 every row accepted; 3 some rows rejected or pending retry, or a file could not
 * be loaded; 1 the loader could not run (bad configuration, folders not writable).
 */
public final class LoaderMain {

    static final String DEFAULTS = "classpath:loader-defaults/";
    private static final String USAGE = "usage: java -jar truedy-contacts-loader.jar [--once]";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(Map.of(), args);
    }

    /**
     * Runs the loader with some settings fixed in code (highest precedence), as tests and embedding
     * programs do; returns the exit code.
     */
    public static int run(Map<String, String> settings, String... args) {
        List<String> options = Arrays.asList(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(USAGE);
            return LoaderRun.EXIT_ALL_ACCEPTED;
        }
        List<String> unknown = options.stream().filter(option -> !option.equals("--once")).toList();
        if (!unknown.isEmpty()) {
            System.err.println("truedy-contacts-loader: unknown option " + unknown.get(0) + "; " + USAGE);
            return LoaderRun.EXIT_CANNOT_RUN;
        }

        Main main = new Main();
        LoaderRun run = new LoaderRun(main::completed);
        main.setPropertyPlaceholderLocations(
                DEFAULTS + "application.properties;optional=true,file:application.properties;optional=true");
        settings.forEach(main::addOverrideProperty);
        if (options.contains("--once")) {
            main.addOverrideProperty("loader.once", "true");
        }
        main.configure().withRoutesIncludePattern(routesPattern());
        main.configure().addConfiguration(new LoaderBeans(run));
        try {
            main.run();
        } catch (Exception e) {
            System.err.println("truedy-contacts-loader: cannot run: " + reason(e));
            return LoaderRun.EXIT_CANNOT_RUN;
        }
        return run.exitCode();
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
