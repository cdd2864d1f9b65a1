package ai.truedy.loader;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.delivery.DeliverySettings;
import ai.truedy.loader.intake.CsvDialect;
import ai.truedy.loader.intake.CsvSettings;
import ai.truedy.loader.intake.TextEncoding;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.apache.camel.util.TimeUtils;

/**
 * The loader's settings, read once from Camel's properties (application.properties, -D, environment)
 * and checked before any file is touched, so that a bad setting stops the loader with one clear line.
 */
public record LoaderSettings(
        Path inbox,
        Path done,
        Path error,
        Path retry,
        Path state,
        Duration duplicateFileWindow,
        Duration retryDelay,
        int retryMaxRounds,
        String defaultRegion,
        PhoneNormalizer.Validation phoneValidation,
        CsvSettings csv,
        String defaultBatchCallId,
        int batchSize,
        String baseUrl,
        ApiKey apiKey,
        DeliverySettings delivery,
        int sandboxPort,
        Path sandboxDir,
        Duration shutdownTimeout,
        Duration progressInterval,
        boolean once) {

    /** The most contacts Truedy takes in one request is not documented; this keeps requests sane. */
    public static final int MAX_BATCH_SIZE = 1000;

    /** Reads and validates every setting; all problems are reported together. */
    public static LoaderSettings from(Function<String, Optional<String>> properties) {
        Reader in = new Reader(properties);
        LoaderSettings settings = new LoaderSettings(
                in.path("loader.inbox"),
                in.path("loader.done"),
                in.path("loader.error"),
                in.path("loader.retry"),
                in.path("loader.state"),
                in.duration("loader.duplicate-file-window"),
                in.duration("loader.retry.delay"),
                in.integer("loader.retry.max-rounds", 0, 1000),
                in.region("loader.default-region"),
                in.phoneValidation("loader.phone.validation"),
                new CsvSettings(in.charset("loader.csv.charset"), in.delimiter("loader.csv.delimiter")),
                in.text("truedy.batch-call-id"),
                in.integer("truedy.batch-size", 1, MAX_BATCH_SIZE),
                in.url("truedy.base-url"),
                new ApiKey(in.text("truedy.api-key")),
                new DeliverySettings(
                        in.integer("truedy.retry.max-attempts", 1, 100),
                        in.duration("truedy.retry.initial-delay"),
                        in.duration("truedy.retry.max-delay"),
                        in.integer("truedy.rate-limit.requests-per-minute", 0, 1_000_000),
                        in.integer("truedy.concurrency", 1, 64),
                        in.duration("truedy.rate-limit.max-wait"),
                        in.duration("truedy.auth-pause")),
                in.integer("loader.sandbox.port", 0, 65535),
                in.path("loader.sandbox.dir"),
                Duration.ofSeconds(in.integer("loader.shutdown-timeout", 1, 3600)),
                in.duration("loader.progress-interval"),
                Boolean.parseBoolean(in.text("loader.once")));
        in.failIfProblems();
        return settings;
    }

    /** True when no API key is configured and the loader talks to its built-in sandbox instead. */
    public boolean useSandbox() {
        return apiKey.isEmpty();
    }

    /** Creates the folders and checks that the loader may write to them. */
    public void prepareFolders() {
        List<String> problems = new ArrayList<>();
        for (Path folder : List.of(inbox, done, error, retry)) {
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

    /** Collects problems instead of failing on the first, so ops fix their configuration in one go. */
    private static final class Reader {
        private final Function<String, Optional<String>> properties;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> properties) {
            this.properties = properties;
        }

        String text(String name) {
            return properties.apply(name).map(String::trim).orElse("");
        }

        Path path(String name) {
            String value = text(name);
            if (value.isEmpty()) {
                problems.add(name + " is empty");
                return Path.of(".");
            }
            return Path.of(value).toAbsolutePath().normalize();
        }

        int integer(String name, int min, int max) {
            String value = text(name);
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
            return min;
        }

        String region(String name) {
            String value = text(name).toUpperCase(java.util.Locale.ROOT);
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(value)) {
                problems.add(name + " must be a two-letter region code such as US or DE, not '" + value + "'");
            }
            return value;
        }

        /** A duration such as 500ms, 30s, 5m or 1h, or a number of milliseconds. */
        Duration duration(String name) {
            String value = text(name);
            try {
                long millis = TimeUtils.toMilliSeconds(value);
                if (millis >= 0) {
                    return Duration.ofMillis(millis);
                }
            } catch (RuntimeException ignored) {
                // reported below
            }
            problems.add(name + " must be a duration such as 500ms, 30s or 5m, not '" + value + "'");
            return Duration.ZERO;
        }

        PhoneNormalizer.Validation phoneValidation(String name) {
            String value = text(name);
            try {
                return PhoneNormalizer.Validation.of(value);
            } catch (IllegalArgumentException e) {
                problems.add(name + " must be possible, valid or pattern, not '" + value + "'");
                return PhoneNormalizer.Validation.POSSIBLE;
            }
        }

        String charset(String name) {
            String value = text(name);
            if (value.equalsIgnoreCase(TextEncoding.AUTO)) {
                return TextEncoding.AUTO;
            }
            try {
                return Charset.forName(value).name();
            } catch (IllegalArgumentException e) {
                problems.add(name + " must be auto or a charset name such as UTF-8 or windows-1252, not '" + value + "'");
                return TextEncoding.AUTO;
            }
        }

        String delimiter(String name) {
            String value = properties.apply(name).orElse("");
            try {
                return CsvDialect.parseSetting(value.length() == 1 ? value : value.trim());
            } catch (IllegalArgumentException e) {
                problems.add(name + " " + e.getMessage() + ", not '" + value + "'");
                return CsvDialect.AUTO;
            }
        }

        String url(String name) {
            String value = text(name).replaceAll("/+$", "");
            try {
                URI uri = URI.create(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            problems.add(name + " must be an http(s) URL, not '" + value + "'");
            return value;
        }

        void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new LoaderConfigException("bad configuration: " + String.join("; ", problems));
            }
        }
    }
}
