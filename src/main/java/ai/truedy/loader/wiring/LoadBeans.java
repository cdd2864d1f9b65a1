package ai.truedy.loader.wiring;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import ai.truedy.loader.console.RecentRequests;
import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.delivery.ApiAnswers;
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
import ai.truedy.loader.files.LoadOutcomes;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.intake.BackslashNames;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.intake.WholeFiles;
import ai.truedy.loader.observability.LoaderMetrics;
import ai.truedy.loader.observability.SendingReadiness;
import ai.truedy.loader.reporting.Notifications;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.wiring.settings.LoaderSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ExceptionHandler;

/**
 * A load's parts behind the pipeline's seams, and the beans only a load has: the API (or, without
 * a key, the built-in sandbox: {@link ApiEndpoint}), the claims, journals and budget
 * ({@link Coordination}: this process's or the cluster's), notifications, the settle watch, the
 * re-drive of retry/, the metrics and readiness.
 */
@Configuration
public final class LoadBeans {

    /** The notify route's queue (routes/notify.camel.yaml). */
    private static final String NOTIFY_QUEUE = "seda:notify";

    private final LoaderSettings settings;
    private final LoaderRun run;
    private final ObjectMapper json;

    LoadBeans(LoaderSettings settings, LoaderRun run, ObjectMapper json) {
        this.settings = settings;
        this.run = run;
        this.json = json;
    }

    @BindToRegistry(lazy = true)
    public Pipeline pipeline(Coordination shared, LoadOutcomes outcomes, BatchSender sender) {
        return new Pipeline(shared.claims(), shared.inboxOrder(), shared.elsewhere(), shared.store(), shared.sent(),
                shared.sent(), outcomes, sender);
    }

    @BindToRegistry(lazy = true)
    public ApiEndpoint apiEndpoint(CamelContext context) throws Exception {
        return ApiEndpoint.of(settings, context);
    }

    @BindToRegistry(lazy = true)
    public Coordination coordination(CamelContext context) throws Exception {
        return Coordination.of(settings, json, context, run::isStopping);
    }

    /** The budget the senders ask before each try, held while a do-not-call list is stale. */
    @BindToRegistry(lazy = true)
    public RequestBudget requestBudget(Coordination shared, DoNotCallLists doNotCall) {
        return new HeldWhile(shared.budget(), doNotCall::stale);
    }

    @BindToRegistry(lazy = true)
    public OperatorPause operatorPause(Coordination shared) {
        return new OperatorPause(shared.pause(), run::isStopping);
    }

    @BindToRegistry(value = BeanNames.NOTIFICATIONS, lazy = true)
    public Notifications notifications(CamelContext context, RequestBudget budget) {
        ProducerTemplate notices = context.createProducerTemplate();
        return new Notifications(settings.notifications().url(), settings.notifications().format(),
                notice -> notices.sendBody(NOTIFY_QUEUE, notice), budget::suspension);
    }

    @BindToRegistry(value = BeanNames.NOTICE_GIVEN_UP, lazy = true)
    public ExceptionHandler noticeGivenUp(Notifications notifications) {
        return new NoticeGivenUp(notifications);
    }

    @BindToRegistry(value = BeanNames.ARCHIVE_WATCH, lazy = true)
    public ArchiveWatch archiveWatch(ReadyMarker marker, Coordination shared, Notifications notifications) throws IOException {
        ArchiveWatch watch = new ArchiveWatch(settings.folders().inbox(), settings.folders().error(),
                settings.running().once() ? Duration.ZERO : settings.reading().settleWatch(), marker, json, notifications);
        shared.store().archivedWithin(settings.reading().settleWatch()).forEach(watch::archived);
        return watch;
    }

    /** Moves the files due back to the inbox, and renames names with a backslash, before the first poll. */
    @BindToRegistry(value = BeanNames.RETRY_REDRIVE, lazy = true)
    public RetryRedrive retryRedrive(ReadyMarker marker, WholeFiles whole) throws Exception {
        RetryRedrive redrive = new RetryRedrive(settings.folders().retry(), settings.folders().inbox(),
                settings.redrive().delay(), settings.running().once(), marker, whole);
        redrive.moveDueFilesNow();
        BackslashNames.renameIn(settings.folders().inbox()); // once mode takes them too
        return redrive;
    }

    @BindToRegistry(lazy = true)
    public LoaderMetrics loaderMetrics(CamelContext context, WaitingBatches waiting) throws Exception {
        LoaderMetrics metrics = new LoaderMetrics(context, settings.folders().inbox(), settings.folders().retry(),
                settings.cluster().enabled() ? settings.cluster().instanceId() : null);
        context.addStartupListener((started, alreadyStarted) -> metrics.startAtZero());
        waiting.listen(metrics::batchesWaiting);
        return metrics;
    }

    /** Readiness at /observe/health (Camel finds it here): DOWN while sending is held or paused, or a folder cannot be written. */
    @BindToRegistry(lazy = true)
    public SendingReadiness sendingReadiness(CamelContext context, RequestBudget budget, OperatorPause pause,
                                             WaitingBatches waiting) {
        SendingReadiness readiness = new SendingReadiness(budget, pause, List.of(settings.folders().inbox(),
                settings.folders().done(), settings.folders().error(), settings.folders().retry()), waiting::counts);
        readiness.setCamelContext(context);
        return readiness;
    }

    @BindToRegistry(lazy = true)
    public RecentRequests recentRequests() {
        return new RecentRequests();
    }

    @BindToRegistry(value = BeanNames.TRUEDY_HTTP_CLIENT, lazy = true)
    public SingleTryHttpClient truedyHttpClient() {
        return new SingleTryHttpClient(settings.api().connectTimeout(), settings.api().readTimeout());
    }

    @BindToRegistry(lazy = true)
    public BatchSender sender(ApiEndpoint api, RequestBudget budget, OperatorPause pause, LoaderMetrics metrics,
                              RecentRequests requests) {
        return new BatchSender(new TruedyRequest(json, api.key()),
                new SendPolicy(new ApiAnswers(json), budget, pause, settings.api().delivery(), SendListener.all(metrics, requests)),
                api.baseUrl() + "?throwExceptionOnFailure=false&httpClientConfigurer=#bean:" + BeanNames.TRUEDY_HTTP_CLIENT);
    }

    /** The outputs' names: unique across done/ and error/ and, in a cluster, all instances. */
    @BindToRegistry(lazy = true)
    public OutputNames outputNames(Coordination shared) {
        return new OutputNames(settings.folders().inbox(), settings.folders().done(), settings.folders().error(),
                settings.folders().retry(), shared.store()::reserve);
    }

    @BindToRegistry(lazy = true)
    public LoadOutcomes loadOutcomes(OutputNames names, LoaderMetrics metrics, Notifications notifications,
                                     ArchiveWatch watch, ReadyMarker marker) {
        return new LoadOutcomes(names, settings.folders().done(), settings.folders().error(), run,
                new LoadOutcomes.Told(metrics, notifications, watch::archived, marker));
    }
}
