package ai.truedy.loader.wiring;

import ai.truedy.loader.wiring.settings.LoaderSettings;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The few settings the routes read as checked here, written back over what was configured: the
 * inbox made absolute (the beans compare the files' paths with it), the extensions in lower case
 * without spaces (the file endpoint's includeExt), the notify URL trimmed, and the switches the
 * routes' preconditions compare as text (the console is off in an embedding runtime). Every other
 * setting a route reads, it reads as configured.
 */
final class RouteSettings {

    private RouteSettings() {
    }

    static void write(PropertiesComponent properties, LoaderSettings settings, boolean console) {
        properties.addOverrideProperty("loader.inbox", settings.folders().inbox().toString());
        properties.addOverrideProperty("loader.extensions", String.join(",", settings.reading().extensions()));
        properties.addOverrideProperty("loader.preview", Boolean.toString(settings.preview().enabled()));
        properties.addOverrideProperty("loader.notify.url", settings.notifications().url());
        properties.addOverrideProperty("loader.console.enabled", Boolean.toString(console));
    }
}
