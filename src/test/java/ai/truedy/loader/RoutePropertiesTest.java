package ai.truedy.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.truedy.loader.batching.FileRows;
import ai.truedy.loader.delivery.BatchOrigin;
import ai.truedy.loader.files.TakenFile;
import ai.truedy.loader.reporting.Notifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange properties the routes name are the ones the beans read, by their Java constants: a
 * property renamed on one side only would fail at run time, and fails here instead.
 */
class RoutePropertiesTest {

    static final Set<String> CONSTANTS = Set.of(TakenFile.PROPERTY, FileRows.PROPERTY, BatchOrigin.PROPERTY,
            Notifications.NOTICE);

    @Test
    void every_exchange_property_the_routes_name_is_a_constant_of_the_beans_and_every_constant_is_used() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern property = Pattern.compile("exchangeProperty\\.(\\w+)|setProperty:[^\\n]*\\n\\s*name: (\\w+)");
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Matcher found = property.matcher(Files.readString(route));
                while (found.find()) {
                    named.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }

        assertThat(named).as("exchange properties named in routes/").containsExactlyInAnyOrderElementsOf(CONSTANTS);
    }
}
