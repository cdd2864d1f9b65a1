package ai.truedy.loader.wiring.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings that were renamed. Ops have the old names in their files, so for one release an old
 * name still works: its value is used under the new name, with a warning that says what to rename.
 */
public final class RenamedSettings {

    private static final Logger LOG = LoggerFactory.getLogger(RenamedSettings.class);

    /** Old name to new name: {@code loader.retry.*} were the re-drive rounds, not the retry/ folder. */
    public static final Map<String, String> RENAMED = renamed();

    private RenamedSettings() {
    }

    private static Map<String, String> renamed() {
        Map<String, String> renamed = new LinkedHashMap<>();
        renamed.put("loader.retry.delay", "loader.redrive.delay");
        renamed.put("loader.retry.check-interval", "loader.redrive.check-interval");
        renamed.put("loader.retry.max-rounds", "loader.redrive.max-rounds");
        return renamed;
    }

    /** Each old name that is set is carried over to its new name, which it then overrides. */
    public static void carryOver(PropertiesComponent properties) {
        RENAMED.forEach((old, current) -> {
            Optional<String> value = properties.resolveProperty(old);
            if (value.isPresent()) {
                LOG.warn("{} is deprecated and will stop working in the next release: rename it to {} (its value {}"
                        + " is used)", old, current, value.get().trim());
                properties.addOverrideProperty(current, value.get().trim());
            }
        });
    }
}
