package ai.truedy.loader.wiring.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.camel.spi.PropertiesComponent;

/**
 * The loader's packaged defaults ({@code loader-defaults/application.properties}) for a runtime
 * that does not read that file itself, such as Quarkus: each {@code loader.*} and {@code truedy.*}
 * setting its own configuration lacks is taken from there. The standalone loader reads the file
 * as a property location, so there is nothing to fill in.
 */
public final class PackagedDefaults {

    public static final String RESOURCE = "/loader-defaults/application.properties";

    private PackagedDefaults() {
    }

    public static void fillIn(PropertiesComponent properties) {
        Properties defaults = new Properties();
        try (InputStream in = PackagedDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return;
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged defaults " + RESOURCE, e);
        }
        for (String name : defaults.stringPropertyNames()) {
            boolean ours = name.startsWith("loader.") || name.startsWith("truedy.");
            if (ours && properties.resolveProperty(name).isEmpty()) {
                properties.addOverrideProperty(name, defaults.getProperty(name).trim());
            }
        }
    }
}
