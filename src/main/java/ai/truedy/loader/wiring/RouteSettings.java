package ai.truedy.loader.wiring;

import ai.truedy.loader.wiring.settings.LoaderSettings;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The settings the routes read as checked here, written back over what was configured: folders
 * made absolute, the extensions without spaces (the file endpoint's includeExt), the switches that
 * the routes' preconditions test, and a duration in milliseconds for the notify route's redelivery.
 */
final class RouteSettings {

    private RouteSettings() {
    }

    static void write(PropertiesComponent properties, LoaderSettings settings, boolean console) {
        properties.addOverrideProperty("loader.notify.retry-delay", Long.toString(settings.notifications().retryDelay().toMillis()));
        properties.addOverrideProperty("loader.inbox", settings.folders().inbox().toString());
        properties.addOverrideProperty("loader.done", settings.folders().done().toString());
        properties.addOverrideProperty("loader.error", settings.folders().error().toString());
        properties.addOverrideProperty("loader.retry", settings.folders().retry().toString());
        properties.addOverrideProperty("loader.extensions", String.join(",", settings.reading().extensions()));
        properties.addOverrideProperty("loader.preview", Boolean.toString(settings.preview().enabled()));
        properties.addOverrideProperty("loader.preview-dir", settings.preview().dir().toString());
        properties.addOverrideProperty("loader.notify.url", settings.notifications().url());
        properties.addOverrideProperty("loader.console.enabled", Boolean.toString(console));
    }
}
