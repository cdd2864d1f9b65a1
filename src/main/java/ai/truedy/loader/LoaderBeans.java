package ai.truedy.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import ai.truedy.loader.batching.ContactBatches;
import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.delivery.WaitingBatches;
import ai.truedy.loader.files.ContactFiles;
import ai.truedy.loader.files.FileIntake;
import ai.truedy.loader.files.FileReports;
import ai.truedy.loader.files.InboxTurns;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Reads the settings and binds the beans the routes call by name: the one pipeline's ({@code
 * fileClaims}, {@code inboxTurns}, {@code inboxOrder}, {@code fileIntake}, {@code contactBatches},
 * {@code waitingBatches}, {@code batchSender}, {@code fileReports}, {@code loaderRun}), with a
 * load's parts behind its seams ({@link LoadBeans}: also {@code retryRedrive}, {@code archiveWatch},
 * {@code notifications}, {@code truedyHttpClient}) or a preview's ({@link PreviewBeans}). Folders
 * are made absolute here, so the routes see absolute paths.
 */
public final class LoaderBeans implements CamelConfiguration {

    private final LoaderRun run;
    private final boolean embedded;
    private final Function<Map<String, String>, AutoCloseable> previewLoader;

    /** A loader's beans whose run the caller ends; no previews run beside it for files that wait for approval. */
    public LoaderBeans(LoaderRun run) {
        this(run, null);
    }

    /**
     * The standalone loader's beans: {@link LoaderMain} ends the run.
     *
     * @param previewLoader starts a loader in preview mode beside this one, for the files that wait for
     *                      approval ({@code loader.approval = required}); closing it stops it
     */
    LoaderBeans(LoaderRun run, Function<Map<String, String>, AutoCloseable> previewLoader) {
        this.run = run;
        this.embedded = false;
        this.previewLoader = previewLoader;
    }

    /**
     * The beans for a Camel runtime that embeds the loader ({@code camel.main.configuration-classes}
     * in Camel Main or Quarkus): settings it lacks come from the packaged defaults, and when Camel
     * stops, the files being loaded stop handing out batches and are resumed at the next start.
     */
    public LoaderBeans() {
        this.run = new LoaderRun(() -> { });
        this.embedded = true;
        this.previewLoader = null;
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
        LoaderSettings settings = LoaderSettings.from(properties::resolveProperty);
        settings.prepareFolders();
        boolean console = settings.console().enabled() && !embedded; // an embedding runtime serves its own HTTP
        if (!embedded) {
            PortsInUse.check(settings, properties::resolveProperty);
        }
        run.stopTimeout(settings.running().shutdownTimeout());
        if (properties.resolveProperty("camel.main.shutdown-timeout").isEmpty()) { // Camel's own, if set, wins
            context.getShutdownStrategy().setTimeout(Math.max(1, settings.running().shutdownTimeout().toSeconds()));
        }
        // the routes read these in milliseconds: a duration with units is turned into them
        properties.addOverrideProperty("loader.notify.retry-delay", Long.toString(settings.notifications().retryDelay().toMillis()));
        properties.addOverrideProperty("loader.inbox", settings.folders().inbox().toString());
        properties.addOverrideProperty("loader.done", settings.folders().done().toString());
        properties.addOverrideProperty("loader.error", settings.folders().error().toString());
        properties.addOverrideProperty("loader.retry", settings.folders().retry().toString());
        properties.addOverrideProperty("loader.extensions", String.join(",", settings.reading().extensions())); // includeExt: no spaces
        properties.addOverrideProperty("loader.preview", Boolean.toString(settings.preview().enabled())); // the routes' preconditions
        properties.addOverrideProperty("loader.preview-dir", settings.preview().dir().toString());
        properties.addOverrideProperty("loader.notify.url", settings.notifications().url()); // trimmed: the notify routes' preconditions
        properties.addOverrideProperty("loader.console.enabled", Boolean.toString(console)); // the console routes' preconditions

        ObjectMapper json = ApiJson.mapper();
        Registry registry = context.getRegistry();
        boolean previewingWaiting = properties.resolveProperty(ApprovalPreviews.PREVIEWING).map(Boolean::parseBoolean).orElse(false);
        ReadyMarker marker = new ReadyMarker(settings.reading().readyMarker(), new Approvals(settings.console().approval()),
                previewingWaiting);
        PhoneNormalizer phones = new PhoneNormalizer(settings.reading().defaultRegion(), settings.reading().phoneValidation());
        DoNotCallLists doNotCall = new DoNotCallLists(settings.reading().doNotCallDir().isEmpty() ? null
                : Path.of(settings.reading().doNotCallDir()).toAbsolutePath(), phones, settings.reading().doNotCallMaxAge());
        doNotCall.refresh(); // before the first file
        registry.bind("loaderRun", run);
        registry.bind("readyMarker", marker);
        registry.bind("doNotCallLists", doNotCall);
        WaitingBatches waiting = new WaitingBatches();
        registry.bind("contactBatches", new ContactBatches(run::isStopping, settings.running().progressInterval(), waiting::inWords));
        Pipeline pipeline = settings.preview().enabled() ? PreviewBeans.pipeline(settings, doNotCall::stale, json, run)
                : LoadBeans.pipeline(context, settings, doNotCall, marker, waiting, json, run);
        ContactFiles.Settings reading = new ContactFiles.Settings(settings.reading().csv(), settings.reading().settleTime(),
                settings.reading().columns(), settings.api().defaultBatchCallId(), settings.turns().priority());
        bindPipeline(registry, settings, new ContactFiles(reading, run::isStopping, phones, doNotCall,
                new ContactFiles.Sent(pipeline.sent(), settings.folders().resend() ? Duration.ZERO : settings.folders().sentMemory())),
                marker, waiting, json, pipeline);
        if (console) {
            LoadBeans.console(context, settings, doNotCall, marker, json);
        }
        if ("required".equals(settings.console().approval()) && !settings.preview().enabled() && !settings.running().once()
                && previewLoader != null) {
            context.addService(new ApprovalPreviews(properties, previewLoader), true, true); // the files that wait, previewed
        }
    }

    /** The beans of the file routes, the same for a load and a preview but for the parts behind their seams. */
    private void bindPipeline(Registry registry, LoaderSettings settings, ContactFiles files, ReadyMarker marker,
                              WaitingBatches waiting, ObjectMapper json, Pipeline pipeline) {
        InboxTurns inboxTurns = new InboxTurns(pipeline.claims(), marker, new InboxTurns.Settings(settings.folders().inbox(),
                settings.turns().parallelFiles(), settings.turns().arrivalOrder(),
                settings.running().once() ? Duration.ZERO : settings.reading().readLockMinAge(), settings.reading().pollDelay(),
                !settings.preview().enabled()),
                pipeline.elsewhere(), run::isStopping);
        run.countTakenFiles(inboxTurns::taken);
        FileIntake intake = new FileIntake(files, pipeline.journals(), pipeline.outcomes(), run, pipeline.remembered(),
                new FileIntake.Settings(settings.api().delivery().concurrency(), settings.api().batchSize(), settings.redrive().maxRounds(),
                        settings.reading().maxCrashesPerFile()));
        registry.bind("fileClaims", inboxTurns);
        registry.bind("inboxTurns", inboxTurns);
        registry.bind("inboxOrder", pipeline.inboxOrder());
        registry.bind("waitingBatches", waiting);
        registry.bind("fileIntake", intake);
        registry.bind("fileReports", new FileReports(json.writerWithDefaultPrettyPrinter(), intake, pipeline.outcomes(), run));
        registry.bind("batchSender", pipeline.batchSender());
    }
}
