package ai.truedy.loader.wiring;

import java.util.List;

/**
 * The names the routes in routes/ call beans by ({@code ref:}, {@code #bean:}, {@code #name}), in one
 * place: each is bound by a {@code @BindToRegistry} method of a configuration class in this package,
 * and a test checks that every name a route uses is here and bound.
 */
public final class BeanNames {

    // the one pipeline (routes/load-contacts, routes/send-batch): PipelineBeans
    public static final String LOADER_RUN = "loaderRun";
    public static final String DO_NOT_CALL_LISTS = "doNotCallLists";
    public static final String INBOX_TURNS = "inboxTurns";
    public static final String FILE_CLAIMS = "fileClaims";
    public static final String INBOX_ORDER = "inboxOrder";
    public static final String INBOX_POLLS = "inboxPolls";
    public static final String FILE_INTAKE = "fileIntake";
    public static final String CONTACT_BATCHES = "contactBatches";
    public static final String WAITING_BATCHES = "waitingBatches";
    public static final String BATCH_SENDER = "batchSender";
    public static final String FILE_REPORTS = "fileReports";
    // a load's own routes (re-drive, settle watch, notices): LoadBeans
    public static final String RETRY_REDRIVE = "retryRedrive";
    public static final String ARCHIVE_WATCH = "archiveWatch";
    public static final String NOTIFICATIONS = "notifications";
    public static final String NOTICE_GIVEN_UP = "noticeGivenUp";
    // routes/console: ConsoleBeans
    public static final String CONSOLE_PAGE = "consolePage";
    public static final String CONSOLE_STATUS = "consoleStatus";
    public static final String CONSOLE_FILES = "consoleFiles";
    public static final String CONSOLE_ACTIONS = "consoleActions";

    /** Every name above: the routes'. */
    public static final List<String> ALL = List.of(LOADER_RUN, DO_NOT_CALL_LISTS, INBOX_TURNS, FILE_CLAIMS, INBOX_ORDER,
            INBOX_POLLS, FILE_INTAKE, CONTACT_BATCHES, WAITING_BATCHES, BATCH_SENDER, FILE_REPORTS, RETRY_REDRIVE, ARCHIVE_WATCH,
            NOTIFICATIONS, NOTICE_GIVEN_UP, CONSOLE_PAGE, CONSOLE_STATUS, CONSOLE_FILES, CONSOLE_ACTIONS);

    /** Not a route's: the HTTP client the sender's endpoint names in its URI ({@code httpClientConfigurer}). */
    public static final String TRUEDY_HTTP_CLIENT = "truedyHttpClient";

    private BeanNames() {
    }
}
