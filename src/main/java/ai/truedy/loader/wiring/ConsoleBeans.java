package ai.truedy.loader.wiring;

import java.nio.file.Path;
import java.util.Map;

import ai.truedy.loader.console.ConsolePage;
import ai.truedy.loader.console.ConsoleActions;
import ai.truedy.loader.console.ConsoleFiles;
import ai.truedy.loader.console.ConsoleServer;
import ai.truedy.loader.console.ConsoleStatus;
import ai.truedy.loader.console.CsrfToken;
import ai.truedy.loader.console.RecentRequests;
import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.files.FileIntake;
import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.observability.SendingReadiness;
import ai.truedy.loader.reporting.OutputNames;
import ai.truedy.loader.wiring.settings.LoaderSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;

/**
 * The console's beans (routes/console.camel.yaml) and its server. It reads a load's beans
 * ({@link LoadBeans}, {@link PipelineBeans}) and acts only through the folders and the pause.
 */
@Configuration
public final class ConsoleBeans {

    private final LoaderSettings settings;
    private final ObjectMapper json;
    private final Map<String, Path> folders;
    private final CsrfToken token = new CsrfToken();

    ConsoleBeans(LoaderSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.folders = Map.of("inbox", settings.folders().inbox(), "done", settings.folders().done(),
                "error", settings.folders().error(), "retry", settings.folders().retry(), "preview", settings.preview().dir());
    }

    /** Adds the console's server, which starts and stops with Camel; its guard checks each request's host, origin and token. */
    void serve(CamelContext context) throws Exception {
        ConsoleServer.addTo(context, settings.console(), token);
    }

    @BindToRegistry(value = BeanNames.CONSOLE_PAGE, lazy = true)
    public ConsolePage consolePage() {
        return new ConsolePage();
    }

    @BindToRegistry(value = BeanNames.CONSOLE_STATUS, lazy = true)
    public ConsoleStatus consoleStatus(SendingReadiness readiness, RequestBudget budget, OperatorPause pause,
                                       RecentRequests requests, DoNotCallLists doNotCall, FileIntake intake) {
        return new ConsoleStatus(readiness, budget, pause, requests, settings.api().delivery().requestsPerMinute(), doNotCall,
                intake.loading(), settings.console().approval(), token, json);
    }

    @BindToRegistry(value = BeanNames.CONSOLE_FILES, lazy = true)
    public ConsoleFiles consoleFiles(FileIntake intake, Approvals approvals, ReadyMarker marker, RetryRedrive redrive) {
        return new ConsoleFiles(intake.loading(), folders, settings.reading().extensions(), approvals, marker, redrive,
                settings.api().batchSize(),
                settings.api().delivery().requestsPerMinute(), json);
    }

    @BindToRegistry(value = BeanNames.CONSOLE_ACTIONS, lazy = true)
    public ConsoleActions consoleActions(Approvals approvals, ReadyMarker marker, RetryRedrive redrive, OperatorPause pause,
                                         OutputNames names) {
        return new ConsoleActions(folders, approvals, marker, redrive, pause, names, json);
    }
}
