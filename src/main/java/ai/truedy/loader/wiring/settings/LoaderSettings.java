package ai.truedy.loader.wiring.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ai.truedy.loader.cluster.ClusterSettings;
import ai.truedy.loader.config.LoaderConfigException;
import ai.truedy.loader.console.ConsoleSettings;
import ai.truedy.loader.config.SettingsReader;
import ai.truedy.loader.contacts.ColumnMapping;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.contacts.ZoneRouting;
import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.delivery.DeliverySettings;
import ai.truedy.loader.intake.CsvSettings;
import ai.truedy.loader.intake.RowSources;
import ai.truedy.loader.model.Batch;
import ai.truedy.loader.reporting.Notifications;

/**
 * The loader's settings, read once from Camel's properties (application.properties, -D, environment)
 * and checked before any file is touched, so that a bad setting stops the loader with one clear line.
 * One record per section of application.properties.
 */
public record LoaderSettings(Folders folders, Redrive redrive, Reading reading, Turns turns, Running running,
                             Preview preview, Notify notifications, Api api, ConsoleSettings console,
                             ClusterSettings cluster) {

    /**
     * ## Folders: where files go, and what the loader remembers.
     *
     * @param duplicateFileWindow {@code loader.duplicate-file-window}
     * @param sentMemory          {@code loader.sent-memory}
     * @param resend              {@code loader.resend} ({@code --resend})
     */
    public record Folders(Path inbox, Path done, Path error, Path retry, Path state, Duration duplicateFileWindow,
                          Duration sentMemory, boolean resend) {
        static Folders from(SettingsReader in) {
            return new Folders(in.path("loader.inbox"), in.path("loader.done"), in.path("loader.error"),
                    in.path("loader.retry"), in.path("loader.state"), in.duration("loader.duplicate-file-window"),
                    in.duration("loader.sent-memory"), in.bool("loader.resend"));
        }
    }

    /** ## Re-driving retry/: the rounds a file in retry/ goes through the inbox again ({@code loader.redrive.*}). */
    public record Redrive(Duration delay, int maxRounds) {
        static Redrive from(SettingsReader in) {
            in.duration("loader.redrive.check-interval"); // read by the route: checked here
            return new Redrive(in.duration("loader.redrive.delay"), in.integer("loader.redrive.max-rounds", 0, 1000));
        }
    }

    /**
     * ## Reading files.
     *
     * @param byZone {@code loader.by-zone.*}: the batch call of each contact by its time zones; off when none is set
     */
    public record Reading(List<String> extensions, Duration readLockMinAge, Duration pollDelay, Duration settleTime,
                          Duration settleWatch, String readyMarker, int maxCrashesPerFile, ColumnMapping columns,
                          String doNotCallDir, Duration doNotCallMaxAge, String defaultRegion,
                          PhoneNormalizer.Validation phoneValidation, CsvSettings csv, ZoneRouting byZone) {
        static Reading from(SettingsReader in, Function<String, Optional<String>> properties, Map<String, String> byZone) {
            in.duration("loader.read-lock-timeout"); // read by the route: checked here
            return new Reading(in.oneOrMoreOf("loader.extensions", RowSources.READABLE),
                    in.duration("loader.read-lock-min-age"), in.duration("loader.poll-delay"),
                    in.duration("loader.settle-time"), in.duration("loader.settle-watch"), in.text("loader.ready-marker"),
                    in.integer("loader.max-crashes-per-file", 1, 1000), ColumnMapping.of(properties),
                    in.text("loader.dnc.dir"), in.duration("loader.dnc.max-age"), in.region("loader.default-region"),
                    in.phoneValidation("loader.phone.validation"),
                    new CsvSettings(in.charset("loader.csv.charset"), in.delimiter("loader.csv.delimiter")),
                    byZone(in, byZone));
        }

        private static ZoneRouting byZone(SettingsReader in, Map<String, String> lines) {
            try {
                return ZoneRouting.of(lines);
            } catch (ZoneRouting.Invalid e) {
                in.problem(e.getMessage());
                return ZoneRouting.NONE;
            }
        }
    }

    /**
     * ## Several campaigns at once.
     *
     * @param parallelFiles {@code loader.parallel-files}: files read at once
     * @param arrivalOrder  {@code loader.arrival-order}: a folder's files are loaded one after the other, oldest first
     * @param priority      {@code loader.priority}: a batch call's turns for each turn of one with priority 1,
     *                      unless its folder's .loader.properties says otherwise
     */
    public record Turns(int parallelFiles, boolean arrivalOrder, int priority) {
        static Turns from(SettingsReader in) {
            return new Turns(in.integer("loader.parallel-files", 1, 64), in.bool("loader.arrival-order"),
                    in.integer("loader.priority", 1, 100));
        }
    }

    /** ## Running. */
    public record Running(boolean once, int sandboxPort, Path sandboxDir, Duration progressInterval,
                          Duration shutdownTimeout) {
        static Running from(SettingsReader in) {
            return new Running(Boolean.parseBoolean(in.text("loader.once")), in.integer("loader.sandbox.port", 0, 65535),
                    in.path("loader.sandbox.dir"), in.duration("loader.progress-interval"),
                    in.duration("loader.shutdown-timeout", ChronoUnit.SECONDS, Duration.ofSeconds(1), Duration.ofHours(1)));
        }
    }

    /** ## Preview ({@code --preview}). */
    public record Preview(boolean enabled, Path dir) {
        static Preview from(SettingsReader in) {
            return new Preview(in.bool("loader.preview"), in.path("loader.preview-dir"));
        }
    }

    /** ## Notifications ({@code loader.notify.*}). */
    public record Notify(String url, Notifications.Format format, Duration retryDelay) {
        static Notify from(SettingsReader in) {
            in.integer("loader.notify.retries", 0, 100); // read by the route: checked here
            return new Notify(in.text("loader.notify.url"),
                    Notifications.Format.valueOf(in.oneOf("loader.notify.format", List.of("json", "slack"))),
                    in.duration("loader.notify.retry-delay"));
        }
    }

    /**
     * ## Truedy API.
     *
     * @param defaultBatchCallId {@code truedy.batch-call-id}
     * @param delivery           the send attempts ({@code truedy.retry.*}), the budget, requests in flight, the pauses
     */
    public record Api(ApiKey apiKey, String baseUrl, String defaultBatchCallId, int batchSize, DeliverySettings delivery,
                      Duration connectTimeout, Duration readTimeout) {
        static Api from(SettingsReader in) {
            return new Api(new ApiKey(in.text("truedy.api-key")), in.url("truedy.base-url"), in.text("truedy.batch-call-id"),
                    in.integer("truedy.batch-size", 1, Batch.MAX_SIZE),
                    new DeliverySettings(in.integer("truedy.retry.max-attempts", 1, 100),
                            in.duration("truedy.retry.initial-delay"), in.duration("truedy.retry.max-delay"),
                            in.integer("truedy.rate-limit.requests-per-minute", 0, 1_000_000),
                            in.integer("truedy.concurrency", 1, 64), in.duration("truedy.rate-limit.max-wait"),
                            in.duration("truedy.auth-pause")),
                    in.duration("truedy.connect-timeout"), in.duration("truedy.read-timeout"));
        }

        /** True when no API key is configured and the loader talks to its built-in sandbox instead. */
        public boolean useSandbox() {
            return apiKey.isEmpty();
        }
    }

    /**
     * Reads and validates every setting; all problems are reported together.
     *
     * @param byZone the {@code loader.by-zone.*} settings, by their whole names
     */
    public static LoaderSettings from(Function<String, Optional<String>> properties, Map<String, String> byZone) {
        SettingsReader in = new SettingsReader(properties);
        Running running = Running.from(in);
        Preview preview = Preview.from(in);
        LoaderSettings settings = new LoaderSettings(Folders.from(in), Redrive.from(in), Reading.from(in, properties, byZone),
                Turns.from(in), running, preview, Notify.from(in), Api.from(in),
                ConsoleSettings.from(in, !running.once() && !preview.enabled()),
                new ClusterSettings(in.text("loader.cluster.jdbc-url"), in.text("loader.cluster.username"),
                        in.text("loader.cluster.password"),
                        in.text("loader.cluster.instance-id").isEmpty() ? ClusterSettings.defaultInstanceId()
                                : in.text("loader.cluster.instance-id"),
                        in.duration("loader.cluster.lease")));
        if (settings.folders().resend() && !settings.running().once()) {
            in.problem("loader.resend (--resend) sends every row of the files in the inbox again; it is for one run"
                    + " with --once, not for a loader that keeps watching the inbox");
        }
        if (settings.cluster().problem() != null) {
            in.problem(settings.cluster().problem());
        }
        in.failIfProblems();
        return settings;
    }

    /** Creates the folders and checks that the loader may write to them (a preview writes only to its own). */
    public void prepareFolders() {
        List<String> problems = new ArrayList<>();
        for (Path folder : preview.enabled() ? List.of(folders.inbox(), preview.dir())
                : List.of(folders.inbox(), folders.done(), folders.error(), folders.retry())) {
            try {
                Files.createDirectories(folder);
                if (!Files.isWritable(folder)) {
                    problems.add(folder + " is not writable");
                }
            } catch (IOException | SecurityException e) {
                problems.add("cannot create " + folder + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new LoaderConfigException("folders not usable: " + String.join("; ", problems));
        }
    }
}
