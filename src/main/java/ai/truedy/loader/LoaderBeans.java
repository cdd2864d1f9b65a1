package ai.truedy.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ai.truedy.loader.batching.ContactBatches;
import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.ApiAnswers;
import ai.truedy.loader.delivery.ApiJson;
import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.delivery.BatchSender;
import ai.truedy.loader.delivery.HeldWhile;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.delivery.SendPolicy;
import ai.truedy.loader.delivery.SingleTryHttpClient;
import ai.truedy.loader.delivery.TruedyRequest;
import ai.truedy.loader.delivery.WaitingBatches;
import ai.truedy.loader.files.ArchiveWatch;
import ai.truedy.loader.delivery.SendGate;
import ai.truedy.loader.files.ContactFiles;
import ai.truedy.loader.files.FileIntake;
import ai.truedy.loader.files.FileReports;
import ai.truedy.loader.files.InboxTurns;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.observability.LoaderMetrics;
import ai.truedy.loader.observability.SendingReadiness;
import ai.truedy.loader.reporting.Notifications;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.sandbox.TruedySandbox;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.state.StateStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the settings and binds the beans the routes call by name ({@code fileIntake},
 * {@code contactBatches}, {@code batchSender}, {@code fileReports}, {@code retryRedrive},
 * {@code archiveWatch}, {@code readyMarker}, {@code loaderRun}) and {@code truedyHttpClient}. Retry files
 * that are due are moved back into the inbox before the routes start. Without an API key it first starts the built-in sandbox and points
 * {@code truedy.base-url} at it. Folders are made absolute here, so the routes see absolute paths.
 * A preview binds its own beans instead ({@link PreviewBeans}).
 */
public final class LoaderBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LoaderBeans.class);
    /** The notify route's queue (routes/notify.camel.yaml). */
    private static final String NOTIFY_QUEUE = "seda:notify";

    private final LoaderRun run;
    private final boolean embedded;

    /** The standalone loader's beans: {@link LoaderMain} ends the run. */
    public LoaderBeans(LoaderRun run) {
        this.run = run;
        this.embedded = false;
    }

    /**
     * The beans for a Camel runtime that embeds the loader ({@code camel.main.configuration-classes}
     * in Camel Main or Quarkus): settings it lacks come from the packaged defaults, and when Camel
     * stops, the files being loaded stop handing out batches and are resumed at the next start.
     */
    public LoaderBeans() {
        this.run = new LoaderRun(() -> { });
        this.embedded = true;
    }

    /** How files are read into contacts, the same for a load and a preview; {@code sent}: the numbers batch calls have. */
    private ContactFiles contactFiles(LoaderSettings settings, PhoneNormalizer phones, DoNotCallLists doNotCall,
                                      SentMemory sent) {
        return new ContactFiles(settings.csv(), settings.settleTime(), run::isStopping, settings.columns(), phones,
                settings.defaultBatchCallId(), doNotCall, settings.turns().priority(),
                new ContactFiles.Sent(sent, settings.resend() ? Duration.ZERO : settings.sentMemory()));
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        if (embedded) {
            PackagedDefaults.fillIn(properties);
            context.getManagementStrategy().addEventNotifier(new StopWithCamel(run));
        }
        RenamedSettings.carryOver(properties);
        LoaderSettings settings = LoaderSettings.from(properties::resolveProperty);
        settings.prepareFolders();
        run.stopTimeout(settings.shutdownTimeout());
        if (properties.resolveProperty("camel.main.shutdown-timeout").isEmpty()) { // Camel's own, if set, wins
            context.getShutdownStrategy().setTimeout(Math.max(1, settings.shutdownTimeout().toSeconds()));
        }
        // the routes read these in milliseconds: a duration with units is turned into them
        properties.addOverrideProperty("loader.notify.retry-delay", Long.toString(settings.notifyRetryDelay().toMillis()));
        properties.addOverrideProperty("loader.inbox", settings.inbox().toString());
        properties.addOverrideProperty("loader.done", settings.done().toString());
        properties.addOverrideProperty("loader.error", settings.error().toString());
        properties.addOverrideProperty("loader.retry", settings.retry().toString());
        properties.addOverrideProperty("loader.extensions", String.join(",", settings.extensions())); // includeExt: no spaces
        properties.addOverrideProperty("loader.preview", Boolean.toString(settings.preview())); // the routes' preconditions
        properties.addOverrideProperty("loader.preview-dir", settings.previewDir().toString());
        properties.addOverrideProperty("loader.notify.url", settings.notifyUrl()); // trimmed: the notify routes' preconditions

        ObjectMapper json = ApiJson.mapper();
        Registry registry = context.getRegistry();
        ReadyMarker marker = new ReadyMarker(settings.readyMarker());
        PhoneNormalizer phones = new PhoneNormalizer(settings.defaultRegion(), settings.phoneValidation());
        DoNotCallLists doNotCall = new DoNotCallLists(settings.doNotCallDir().isEmpty() ? null
                : Path.of(settings.doNotCallDir()).toAbsolutePath(), phones, settings.doNotCallMaxAge());
        doNotCall.refresh(); // before the first file
        registry.bind("loaderRun", run);
        registry.bind("readyMarker", marker);
        registry.bind("doNotCallLists", doNotCall);
        WaitingBatches waiting = new WaitingBatches();
        registry.bind("contactBatches", new ContactBatches(run::isStopping, settings.progressInterval(), waiting::inWords));
        if (settings.preview()) {
            ContactFiles files = contactFiles(settings, phones, doNotCall, PreviewBeans.sentMemory(settings, json));
            PreviewBeans.bind(context, settings, files, new HeldWhile(new SendGate(0, 1), doNotCall::stale), json, run);
            return;
        }
        ApiKey apiKey = settings.apiKey();
        String baseUrl = settings.baseUrl();
        if (settings.useSandbox()) {
            TruedySandbox sandbox = TruedySandbox.start(settings.sandboxPort(), settings.sandboxDir());
            context.addService(sandbox, true, true);
            baseUrl = sandbox.baseUrl();
            properties.addOverrideProperty("truedy.base-url", baseUrl);
            apiKey = new ApiKey(sandbox.apiKey());
            LOG.warn("*** SANDBOX MODE: truedy.api-key is empty, so contacts go to the built-in sandbox at {}, "
                    + "not to Truedy. What it receives is kept in {}. Set TRUEDY_API_KEY to send for real. ***",
                    sandbox.baseUrl(), settings.sandboxDir());
        } else {
            LOG.info("Sending to {} (batches of at most {})", settings.baseUrl(), settings.batchSize());
        }
        Coordination shared = Coordination.of(settings, json, context, run::isStopping);
        ContactFiles files = contactFiles(settings, phones, doNotCall, shared.sent());
        StateStore journals = shared.store();
        RequestBudget gate = new HeldWhile(shared.budget(), doNotCall::stale);
        ProducerTemplate notices = context.createProducerTemplate();
        Notifications notifications = new Notifications(settings.notifyUrl(), settings.notifyFormat(),
                notice -> notices.sendBody(NOTIFY_QUEUE, notice), gate::suspension, json);
        registry.bind("notifications", notifications);
        ArchiveWatch archiveWatch = new ArchiveWatch(settings.inbox(), settings.error(),
                settings.once() ? Duration.ZERO : settings.settleWatch(), marker, json, notifications);
        journals.archivedWithin(settings.settleWatch()).forEach(archiveWatch::archived);
        OutputNames names = new OutputNames(settings.inbox(), settings.done(), settings.error(), settings.retry(), journals::reserve);
        FileIntake intake = new FileIntake(files, settings.delivery().concurrency(), names, settings.error(),
                settings.retryMaxRounds(), journals, run, settings.maxCrashesPerFile(), settings.batchSize(), shared.sent());
        RetryRedrive redrive = new RetryRedrive(settings.retry(), settings.inbox(), settings.retryDelay(), settings.once(),
                marker);
        redrive.moveDueFilesNow();

        InboxTurns inboxTurns = new InboxTurns(shared.claims(), marker, settings.inbox(), settings.turns().parallelFiles(),
                settings.turns().arrivalOrder(), settings.once() ? Duration.ZERO : settings.readLockMinAge(),
                settings.pollDelay(), shared.elsewhere(), run::isStopping);
        run.countTakenFiles(inboxTurns::taken);
        registry.bind("fileClaims", inboxTurns);
        registry.bind("inboxTurns", inboxTurns);
        registry.bind("waitingBatches", waiting);
        registry.bind("inboxOrder", shared.inboxOrder());
        registry.bind("fileIntake", intake);
        registry.bind("retryRedrive", redrive);
        registry.bind("archiveWatch", archiveWatch);
        registry.bind("truedyHttpClient", new SingleTryHttpClient(settings.connectTimeout(), settings.readTimeout()));
        LoaderMetrics metrics = new LoaderMetrics(context, settings.inbox(), settings.retry(),
                settings.cluster().enabled() ? settings.cluster().instanceId() : null);
        context.addStartupListener((started, alreadyStarted) -> metrics.startAtZero());
        waiting.listen(metrics::batchesWaiting);
        SendPolicy policy = new SendPolicy(new ApiAnswers(json), gate, settings.delivery(), metrics);
        registry.bind("batchSender", new BatchSender(new TruedyRequest(json, apiKey), policy,
                baseUrl + "?throwExceptionOnFailure=false&httpClientConfigurer=#bean:truedyHttpClient"));
        SendingReadiness readiness = new SendingReadiness(gate,
                List.of(settings.inbox(), settings.done(), settings.error(), settings.retry()), waiting::counts);
        readiness.setCamelContext(context);
        registry.bind("loaderSendingReadiness", readiness);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(readiness);
        }
        registry.bind("fileReports", new FileReports(json.writerWithDefaultPrettyPrinter(), intake, run,
                settings.done(), settings.error(), metrics, archiveWatch::archived, marker, notifications));
    }
}
