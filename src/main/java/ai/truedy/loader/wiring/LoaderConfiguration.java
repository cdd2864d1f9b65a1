package ai.truedy.loader.wiring;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import ai.truedy.loader.contacts.ZoneRouting;
import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.wiring.settings.LoaderSettings;
import ai.truedy.loader.wiring.settings.PackagedDefaults;
import ai.truedy.loader.wiring.settings.RenamedSettings;
import ai.truedy.loader.wiring.startup.EarlierRoutes;
import ai.truedy.loader.wiring.startup.PortsInUse;
import ai.truedy.loader.wiring.startup.StopWithCamel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.spi.CamelBeanPostProcessor;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PluginHelper;

/**
 * The loader's Camel Main configuration class: reads and checks the settings, then has Camel bind
 * the beans of each concern from its configuration class ({@code @BindToRegistry} methods that take
 * their dependencies by type), in this order: the one pipeline's ({@link PipelineBeans}), a load's
 * ({@link LoadBeans}, with {@link Coordination}: this process's or the cluster's) or a preview's
 * ({@link PreviewBeans}), in a cluster {@link ClusterBeans}, and the console's ({@link ConsoleBeans}).
 * The beans are made when first
 * used, so the order of the methods does not matter. Embedding runtimes name this class in
 * {@code camel.main.configuration-classes}.
 */
public class LoaderConfiguration implements CamelConfiguration {

    private final LoaderRun run;
    private final boolean embedded;
    private final Function<Map<String, String>, AutoCloseable> previewLoader;

    /**
     * The beans for a Camel runtime that embeds the loader ({@code camel.main.configuration-classes}
     * in Camel Main or Quarkus): settings it lacks come from the packaged defaults, and when Camel
     * stops, the files being loaded stop handing out batches and are resumed at the next start.
     */
    public LoaderConfiguration() {
        this.run = new LoaderRun(() -> { });
        this.embedded = true;
        this.previewLoader = null;
    }

    /** A loader's beans whose run the caller ends; no previews run beside it for files that wait for approval. */
    public LoaderConfiguration(LoaderRun run) {
        this(run, null);
    }

    /**
     * The standalone loader's beans (LoaderMain): it ends the run.
     *
     * @param previewLoader starts a loader in preview mode beside this one, for the files that wait for
     *                      approval ({@code loader.approval = required}); closing it stops it
     */
    public LoaderConfiguration(LoaderRun run, Function<Map<String, String>, AutoCloseable> previewLoader) {
        this.run = run;
        this.embedded = false;
        this.previewLoader = previewLoader;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        if (embedded) {
            PackagedDefaults.fillIn(properties);
            context.getManagementStrategy().addEventNotifier(new StopWithCamel(run));
        }
        RenamedSettings.carryOver(properties);
        context.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(new EarlierRoutes());
        Map<String, String> byZone = new TreeMap<>(); // a family of settings: its names are listed, from the files and -D
        Set<String> byZoneNames = new TreeSet<>(properties.loadProperties(key -> key.startsWith(ZoneRouting.PREFIX))
                .stringPropertyNames());
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(ZoneRouting.PREFIX))
                .forEach(byZoneNames::add);
        byZoneNames.forEach(key -> properties.resolveProperty(key).ifPresent(value -> byZone.put(key, value)));
        LoaderSettings settings = LoaderSettings.from(properties::resolveProperty, byZone);
        settings.prepareFolders();
        boolean console = settings.console().enabled() && !embedded; // an embedding runtime serves its own HTTP
        if (!embedded) {
            PortsInUse.check(settings, properties::resolveProperty);
        }
        run.stopTimeout(settings.running().shutdownTimeout());
        if (properties.resolveProperty("camel.main.shutdown-timeout").isEmpty()) { // Camel's own, if set, wins
            context.getShutdownStrategy().setTimeout(Math.max(1, settings.running().shutdownTimeout().toSeconds()));
        }
        RouteSettings.write(properties, settings, console);

        ObjectMapper json = ApiJson.mapper();
        boolean previewingWaiting = properties.resolveProperty(ApprovalPreviews.PREVIEWING).map(Boolean::parseBoolean).orElse(false);
        bind(context, new PipelineBeans(settings, run, json, previewingWaiting));
        bind(context, settings.preview().enabled() ? new PreviewBeans(settings, run, json) : new LoadBeans(settings, run, json));
        if (settings.cluster().enabled() && !settings.preview().enabled()) {
            bind(context, new ClusterBeans());
        }
        if (console) {
            ConsoleBeans beans = new ConsoleBeans(settings, json);
            bind(context, beans);
            beans.serve(context);
        }
        if ("required".equals(settings.console().approval()) && !settings.preview().enabled() && !settings.running().once()
                && previewLoader != null) {
            context.addService(new ApprovalPreviews(properties, previewLoader), true, true); // the files that wait, previewed
        }
    }

    /** Camel binds a concern's beans from its {@code @BindToRegistry} methods, as for any configuration class. */
    private static void bind(CamelContext context, Object beans) throws Exception {
        CamelBeanPostProcessor camel = PluginHelper.getBeanPostProcessor(context);
        camel.postProcessBeforeInitialization(beans, beans.getClass().getName());
        camel.postProcessAfterInitialization(beans, beans.getClass().getName());
    }
}
