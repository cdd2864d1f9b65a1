package ai.truedy.loader.config;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.intake.CsvDialect;
import ai.truedy.loader.intake.TextEncoding;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads settings by name and checks each one, collecting the problems instead of failing on the
 * first, so that ops fix their configuration in one go. Used for the loader's properties and for
 * the Kamelet's.
 */
public final class SettingsReader {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsReader.class);
    /** A duration with units: one or more numbers each with its unit. */
    private static final Pattern WITH_UNITS = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern BARE = Pattern.compile("\\d+");

    private final Function<String, Optional<String>> properties;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    public String text(String name) {
        return properties.apply(name).map(String::trim).orElse("");
    }

    public Path path(String name) {
        String value = text(name);
        if (value.isEmpty()) {
            problems.add(name + " is empty");
            return Path.of(".");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** true or false, in any case. */
    public boolean bool(String name) {
        String value = text(name);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            problems.add(name + " must be true or false, not '" + value + "'");
        }
        return value.equalsIgnoreCase("true");
    }

    public int integer(String name, int min, int max) {
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

    public String region(String name) {
        String value = text(name).toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(value)) {
            problems.add(name + " must be a two-letter region code such as US or DE, not '" + value + "'");
        }
        return value;
    }

    /**
     * A duration: a number with a unit (500ms, 30s, 5m, 24h, 30d, or several: 1h30m), or 0. A
     * number without a unit is read in milliseconds, as it was before durations had units, with a
     * warning: it is deprecated. Anything else ({@code abc}, {@code forever}, {@code -5s}) is a problem.
     */
    public Duration duration(String name) {
        return duration(name, ChronoUnit.MILLIS);
    }

    /** A duration whose number without a unit was read in {@code bareUnit}, such as seconds. */
    public Duration duration(String name, ChronoUnit bareUnit) {
        String value = text(name);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (WITH_UNITS.matcher(value).matches()) {
            return Duration.ofMillis(TimeUtils.toMilliSeconds(value));
        }
        if (BARE.matcher(value).matches()) {
            Duration read = Duration.of(Long.parseLong(value), bareUnit);
            String unit = bareUnit == ChronoUnit.SECONDS ? "s" : "ms";
            LOG.warn("{} = {} is read as {}{}: a number without a unit is deprecated and will stop working in the next"
                    + " release; write {}{}", name, value, value, unit, value, unit);
            return read;
        }
        problems.add(name + " must be a duration such as 500ms, 30s, 5m or 24h (0 for none), not '" + value + "'");
        return Duration.ZERO;
    }

    /** A duration as {@link #duration(String)} reads it, from {@code min} to {@code max}. */
    public Duration duration(String name, ChronoUnit bareUnit, Duration min, Duration max) {
        Duration value = duration(name, bareUnit);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(name + " must be from " + min.toSeconds() + "s to " + max.toSeconds() + "s, not '" + text(name) + "'");
            return min;
        }
        return value;
    }

    public PhoneNormalizer.Validation phoneValidation(String name) {
        String value = text(name);
        try {
            return PhoneNormalizer.Validation.of(value);
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be possible, valid or pattern, not '" + value + "'");
            return PhoneNormalizer.Validation.POSSIBLE;
        }
    }

    public String charset(String name) {
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

    public String delimiter(String name) {
        String value = properties.apply(name).orElse("");
        try {
            return CsvDialect.parseSetting(value.length() == 1 ? value : value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(name + " " + e.getMessage() + ", not '" + value + "'");
            return CsvDialect.AUTO;
        }
    }

    public String url(String name) {
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

    /** A comma-separated list, lower case, of which each item must be one of {@code allowed}. */
    public List<String> oneOrMoreOf(String name, List<String> allowed) {
        List<String> items = Arrays.stream(text(name).split(",")).map(String::trim)
                .filter(item -> !item.isEmpty()).map(item -> item.toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = items.stream().filter(item -> !allowed.contains(item)).toList();
        if (items.isEmpty() || !unknown.isEmpty()) {
            problems.add(name + " must name one or more of " + String.join(", ", allowed) + ", not '" + text(name) + "'");
        }
        return items;
    }

    /** One of {@code allowed}, in any case; returned in upper case, as an enum constant is named. */
    public String oneOf(String name, List<String> allowed) {
        String value = text(name).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problems.add(name + " must be one of " + String.join(", ", allowed) + ", not '" + text(name) + "'");
            return allowed.get(0).toUpperCase(Locale.ROOT);
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** A problem found outside the checks above. */
    public void problem(String problem) {
        problems.add(problem);
    }

    public void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new LoaderConfigException("bad configuration: " + String.join("; ", problems));
        }
    }
}
