package ai.truedy.loader.wiring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import ai.truedy.loader.batching.ContactBatches;
import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.contacts.PhoneNormalizer;
import ai.truedy.loader.delivery.WaitingBatches;
import ai.truedy.loader.files.ContactFiles;
import ai.truedy.loader.files.FileIntake;
import ai.truedy.loader.files.FileReports;
import ai.truedy.loader.files.InboxPolls;
import ai.truedy.loader.files.InboxTurns;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.WholeFiles;
import ai.truedy.loader.wiring.settings.LoaderSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The beans of the one pipeline that loads files (routes/load-contacts, routes/send-batch), the same
 * for a load and a preview but for the parts behind its seams, which the mode binds as a
 * {@link Pipeline} ({@link LoadBeans} or {@link PreviewBeans}).
 */
@Configuration
public final class PipelineBeans {

    private final LoaderSettings settings;
    private final LoaderRun run;
    private final ObjectMapper json;
    private final boolean previewingWaiting;

    /** @param previewingWaiting this is the preview beside a load, of the files that wait for approval */
    PipelineBeans(LoaderSettings settings, LoaderRun run, ObjectMapper json, boolean previewingWaiting) {
        this.settings = settings;
        this.run = run;
        this.json = json;
        this.previewingWaiting = previewingWaiting;
    }

    @BindToRegistry(BeanNames.LOADER_RUN)
    public LoaderRun loaderRun() {
        return run;
    }

    /** Which files wait for a person's approval ({@code loader.approval}): asked by the inbox and the console. */
    @BindToRegistry(lazy = true)
    public Approvals approvals() {
        return new Approvals(settings.console().approval());
    }

    @BindToRegistry(lazy = true)
    public ReadyMarker readyMarker(Approvals approvals) {
        return new ReadyMarker(settings.reading().readyMarker(), approvals, previewingWaiting);
    }

    @BindToRegistry(lazy = true)
    public PhoneNormalizer phoneNormalizer() {
        return new PhoneNormalizer(settings.reading().defaultRegion(), settings.reading().phoneValidation());
    }

    /** Read before the first file. */
    @BindToRegistry(value = BeanNames.DO_NOT_CALL_LISTS, lazy = true)
    public DoNotCallLists doNotCallLists(PhoneNormalizer phones) {
        String dir = settings.reading().doNotCallDir();
        DoNotCallLists lists = new DoNotCallLists(dir.isEmpty() ? null : Path.of(dir).toAbsolutePath(), phones,
                settings.reading().doNotCallMaxAge());
        lists.refresh();
        return lists;
    }

    @BindToRegistry(value = BeanNames.WAITING_BATCHES, lazy = true)
    public WaitingBatches waitingBatches() {
        return new WaitingBatches();
    }

    @BindToRegistry(value = BeanNames.CONTACT_BATCHES, lazy = true)
    public ContactBatches contactBatches(WaitingBatches waiting) {
        return new ContactBatches(run::isStopping, settings.running().progressInterval(), waiting::inWords);
    }

    /** The retry files re-driven into the inbox, which are read without waiting for them to settle. */
    @BindToRegistry(lazy = true)
    public WholeFiles wholeFiles() {
        return new WholeFiles();
    }

    @BindToRegistry(lazy = true)
    public ContactFiles contactFiles(PhoneNormalizer phones, DoNotCallLists doNotCall, Pipeline pipeline, WholeFiles whole) {
        ContactFiles.Settings reading = new ContactFiles.Settings(settings.reading().csv(), settings.reading().settleTime(),
                settings.reading().columns(), settings.api().defaultBatchCallId(), settings.turns().priority(),
                settings.reading().byZone());
        Duration sentMemory = settings.folders().resend() ? Duration.ZERO : settings.folders().sentMemory();
        return new ContactFiles(reading, run::isStopping, phones, doNotCall, new ContactFiles.Sent(pipeline.sent(), sentMemory),
                whole);
    }

    /** When the inbox route lists the inbox: each poll delay, and at once when a file is finished. */
    @BindToRegistry(value = BeanNames.INBOX_POLLS, lazy = true)
    public InboxPolls inboxPolls() {
        return new InboxPolls();
    }

    /** The inbox route's filter, and the claims it takes files with. */
    @BindToRegistry(value = BeanNames.INBOX_TURNS, lazy = true)
    public InboxTurns inboxTurns(Pipeline pipeline, ReadyMarker marker, InboxPolls polls) {
        InboxTurns turns = new InboxTurns(pipeline.claims(), marker, new InboxTurns.Settings(settings.folders().inbox(),
                settings.turns().parallelFiles(), settings.turns().arrivalOrder(),
                settings.running().once() ? Duration.ZERO : settings.reading().readLockMinAge(), settings.reading().pollDelay(),
                !settings.preview().enabled()), pipeline.elsewhere(), run::isStopping, polls::pollSoon);
        run.countTakenFiles(turns::pending);
        run.countUnreadableNames(turns::unreadableNames);
        return turns;
    }

    @BindToRegistry(value = BeanNames.FILE_CLAIMS, lazy = true)
    public IdempotentRepository fileClaims(InboxTurns turns) {
        return turns;
    }

    @BindToRegistry(value = BeanNames.INBOX_ORDER, lazy = true)
    public Comparator<GenericFile<?>> inboxOrder(Pipeline pipeline) {
        return pipeline.inboxOrder();
    }

    @BindToRegistry(value = BeanNames.FILE_INTAKE, lazy = true)
    public FileIntake fileIntake(ContactFiles files, Pipeline pipeline) {
        return new FileIntake(files, pipeline.journals(), pipeline.outcomes(), run, pipeline.remembered(),
                new FileIntake.Settings(settings.api().delivery().concurrency(), settings.api().batchSize(),
                        settings.redrive().maxRounds(), settings.reading().maxCrashesPerFile()));
    }

    @BindToRegistry(value = BeanNames.FILE_REPORTS, lazy = true)
    public FileReports fileReports(FileIntake intake, Pipeline pipeline) {
        return new FileReports(json.writerWithDefaultPrettyPrinter(), intake, pipeline.outcomes(), run);
    }

    /** What the send route's senders do with a batch: send it, or (a preview) settle it unsent. */
    @BindToRegistry(value = BeanNames.BATCH_SENDER, lazy = true)
    public Object batchSender(Pipeline pipeline) {
        return pipeline.batchSender();
    }
}
