package ai.truedy.loader.wiring;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code loader.approval = required}: the files waiting for approval are previewed as
 * {@code --preview} does, by the same pipeline in preview mode, next to the load in this process.
 * It takes only the files that wait (the load takes only the others), writes what a load would do
 * to {@code loader.preview-dir} once per file content, and sends, moves and serves nothing.
 */
final class ApprovalPreviews extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalPreviews.class);
    /** Set for the preview beside the load: its inbox filter takes only the files that wait. */
    static final String PREVIEWING = "loader.approval.previewing";

    private final Map<String, String> settings = new HashMap<>();
    private final Function<Map<String, String>, AutoCloseable> previewLoader;
    private AutoCloseable running;

    /**
     * @param properties    the load's settings, passed on as they resolve there
     * @param previewLoader starts a loader in preview mode with these settings, beside this one; closing it stops it
     */
    ApprovalPreviews(PropertiesComponent properties, Function<Map<String, String>, AutoCloseable> previewLoader) {
        this.previewLoader = previewLoader;
        properties.loadProperties(key -> key.startsWith("loader.") || key.startsWith("truedy."))
                .stringPropertyNames().forEach(key -> properties.resolveProperty(key)
                        .ifPresent(value -> settings.put(key, value)));
        settings.put(PREVIEWING, "true");
        settings.put("loader.console.enabled", "false");
        settings.put("loader.cluster.jdbc-url", "");
        settings.put("camel.management.enabled", "false");
        settings.put("camel.metrics.enabled", "false");
        settings.put("camel.main.name", "truedy-contacts-loader-approval-previews");
    }

    @Override
    protected void doStart() {
        running = previewLoader.apply(settings);
        LOG.info("loader.approval = required: each new file is previewed to {} and waits in the inbox for Approve",
                settings.get("loader.preview-dir"));
    }

    @Override
    protected void doStop() throws Exception {
        if (running != null) {
            running.close();
        }
    }
}
