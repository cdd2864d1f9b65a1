package ai.truedy.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.console.ConsoleBeans;
import ai.truedy.loader.console.RecentRequests;
import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.delivery.ApiAnswers;
import ai.truedy.loader.delivery.ApiKey;
import ai.truedy.loader.delivery.BatchSender;
import ai.truedy.loader.delivery.HeldWhile;
import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.delivery.SendListener;
import ai.truedy.loader.delivery.SendPolicy;
import ai.truedy.loader.delivery.SingleTryHttpClient;
import ai.truedy.loader.delivery.TruedyRequest;
import ai.truedy.loader.delivery.WaitingBatches;
import ai.truedy.loader.files.ArchiveWatch;
import ai.truedy.loader.files.FileIntake;
import ai.truedy.loader.files.LoadOutcomes;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.intake.BackslashNames;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.observability.LoaderMetrics;
import ai.truedy.loader.observability.SendingReadiness;
import ai.truedy.loader.reporting.Notifications;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.sandbox.TruedySandbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load's parts behind the pipeline's seams, and the beans only a load has: the API (or, without
 * a key, the built-in sandbox), the claims, journals and budget ({@link Coordination}: this
 * process's or the cluster's), notifications, the settle watch, the re-drive of retry/, the
 * metrics and readiness.
 */
final class LoadBeans {

    private static final Logger LOG = LoggerFactory.getLogger(LoadBeans.class);
    /** The notify route's queue (routes/notify.camel.yaml). */
    private static final String NOTIFY_QUEUE = "seda:notify";

    private LoadBeans() {
    }

    static Pipeline pipeline(CamelContext context, LoaderSettings settings, DoNotCallLists doNotCall, ReadyMarker marker,
                             WaitingBatches waiting, ObjectMapper json, LoaderRun run) throws Exception {
        Registry registry = context.getRegistry();
        ApiKey apiKey = settings.api().apiKey();
        String baseUrl = settings.api().baseUrl();
        if (settings.api().useSandbox()) {
            TruedySandbox sandbox = TruedySandbox.start(settings.running().sandboxPort(), settings.running().sandboxDir());
            context.addService(sandbox, true, true);
            baseUrl = sandbox.baseUrl();
            context.getPropertiesComponent().addOverrideProperty("truedy.base-url", baseUrl);
            apiKey = new ApiKey(sandbox.apiKey());
            LOG.warn("*** SANDBOX MODE: truedy.api-key is empty, so contacts go to the built-in sandbox at {}, "
                    + "not to Truedy. What it receives is kept in {}. Set TRUEDY_API_KEY to send for real. ***",
                    sandbox.baseUrl(), settings.running().sandboxDir());
        } else {
            LOG.info("Sending to {} (batches of at most {})", settings.api().baseUrl(), settings.api().batchSize());
        }
        Coordination shared = Coordination.of(settings, json, context, run::isStopping);
        RequestBudget gate = new HeldWhile(shared.budget(), doNotCall::stale);
        OperatorPause pause = new OperatorPause(shared.pause(), run::isStopping);
        registry.bind("operatorPause", pause);
        ProducerTemplate notices = context.createProducerTemplate();
        Notifications notifications = new Notifications(settings.notifications().url(), settings.notifications().format(),
                notice -> notices.sendBody(NOTIFY_QUEUE, notice), gate::suspension);
        registry.bind("notifications", notifications);
        ArchiveWatch archiveWatch = new ArchiveWatch(settings.folders().inbox(), settings.folders().error(),
                settings.running().once() ? Duration.ZERO : settings.reading().settleWatch(), marker, json, notifications);
        shared.store().archivedWithin(settings.reading().settleWatch()).forEach(archiveWatch::archived);
        registry.bind("archiveWatch", archiveWatch);
        RetryRedrive redrive = new RetryRedrive(settings.folders().retry(), settings.folders().inbox(), settings.redrive().delay(), settings.running().once(),
                marker);
        redrive.moveDueFilesNow();
        BackslashNames.renameIn(settings.folders().inbox()); // before the first poll, so that once mode takes them
        registry.bind("retryRedrive", redrive);

        LoaderMetrics metrics = new LoaderMetrics(context, settings.folders().inbox(), settings.folders().retry(),
                settings.cluster().enabled() ? settings.cluster().instanceId() : null);
        context.addStartupListener((started, alreadyStarted) -> metrics.startAtZero());
        waiting.listen(metrics::batchesWaiting);
        readiness(context, gate, pause, settings, waiting);
        RecentRequests requests = new RecentRequests();
        registry.bind("recentRequests", requests);
        registry.bind("requestBudget", gate);
        registry.bind("truedyHttpClient", new SingleTryHttpClient(settings.api().connectTimeout(), settings.api().readTimeout()));
        BatchSender sender = new BatchSender(new TruedyRequest(json, apiKey),
                new SendPolicy(new ApiAnswers(json), gate, pause, settings.api().delivery(), SendListener.all(metrics, requests)),
                baseUrl + "?throwExceptionOnFailure=false&httpClientConfigurer=#bean:truedyHttpClient");
        OutputNames names = new OutputNames(settings.folders().inbox(), settings.folders().done(), settings.folders().error(), settings.folders().retry(),
                shared.store()::reserve);
        registry.bind("outputNames", names);
        LoadOutcomes outcomes = new LoadOutcomes(names, settings.folders().done(), settings.folders().error(), run,
                new LoadOutcomes.Told(metrics, notifications, archiveWatch::archived, marker));
        return new Pipeline(shared.claims(), shared.inboxOrder(), shared.elsewhere(), shared.store(), shared.sent(),
                shared.sent(), outcomes, sender);
    }

    /** The console's beans and server: it reads the load's beans bound above. */
    static void console(CamelContext context, LoaderSettings settings, DoNotCallLists doNotCall, ReadyMarker marker,
                        ObjectMapper json) throws Exception {
        Registry registry = context.getRegistry();
        Map<String, Path> folders = Map.of("inbox", settings.folders().inbox(), "done", settings.folders().done(),
                "error", settings.folders().error(), "retry", settings.folders().retry(), "preview", settings.preview().dir());
        ConsoleBeans.bind(context, settings.console(), new ConsoleBeans.Sources(folders, settings.reading().extensions(),
                settings.console().approval(), settings.api().batchSize(), settings.api().delivery().requestsPerMinute(),
                registry.lookupByNameAndType("fileIntake", FileIntake.class).loading(),
                registry.lookupByNameAndType("loaderSendingReadiness", SendingReadiness.class),
                registry.lookupByNameAndType("requestBudget", RequestBudget.class),
                registry.lookupByNameAndType("operatorPause", OperatorPause.class),
                registry.lookupByNameAndType("recentRequests", RecentRequests.class), doNotCall,
                registry.lookupByNameAndType("retryRedrive", RetryRedrive.class), marker,
                registry.lookupByNameAndType("outputNames", OutputNames.class)), json);
    }

    /** Readiness at /observe/health: DOWN while sending is suspended or paused, or a folder cannot be written. */
    private static void readiness(CamelContext context, RequestBudget gate, OperatorPause pause, LoaderSettings settings,
                                  WaitingBatches waiting) {
        SendingReadiness readiness = new SendingReadiness(gate, pause,
                List.of(settings.folders().inbox(), settings.folders().done(), settings.folders().error(), settings.folders().retry()), waiting::counts);
        readiness.setCamelContext(context);
        context.getRegistry().bind("loaderSendingReadiness", readiness);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(readiness);
        }
    }
}
