package ai.truedy.loader.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.observability.SendingReadiness;
import ai.truedy.loader.reporting.FilesInFlight;
import ai.truedy.loader.reporting.OutputNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Binds the beans of routes/console.camel.yaml ({@code consolePage}, {@code consoleStatus},
 * {@code consoleFiles}, {@code consoleActions}) and adds the console's server.
 */
public final class ConsoleBeans {

    /**
     * What the console reads and acts on.
     *
     * @param folders  the loader's folders by role: inbox, done, error, retry, preview
     * @param approval {@code loader.approval}
     */
    public record Sources(Map<String, Path> folders, List<String> extensions, String approval, int batchSize,
                         int requestsPerMinute, FilesInFlight loading, SendingReadiness readiness, RequestBudget gate,
                         OperatorPause pause, RecentRequests requests, DoNotCallLists doNotCall, RetryRedrive redrive, ReadyMarker marker,
                         OutputNames names) {
    }

    private ConsoleBeans() {
    }

    public static void bind(CamelContext context, ConsoleSettings settings, Sources sources, ObjectMapper json)
            throws Exception {
        Registry registry = context.getRegistry();
        FileIds ids = new FileIds(sources.folders());
        Approvals approvals = new Approvals(sources.approval());
        CsrfToken csrf = new CsrfToken();
        Map<String, Path> folders = sources.folders();
        registry.bind("consolePage", new ConsolePage());
        registry.bind("consoleStatus", new ConsoleStatus(sources.readiness(), sources.gate(), sources.pause(), sources.requests(),
                sources.requestsPerMinute(), sources.doNotCall(), sources.loading(), sources.approval(), csrf, json));
        registry.bind("consoleFiles", new ConsoleFiles(sources.loading(),
                new InboxWaiting(folders.get("inbox"), folders.get("preview"), sources.extensions(), approvals, ids, json,
                        sources.requestsPerMinute()),
                new RecentFiles(folders.get("done"), folders.get("error"), ids, json), sources.redrive(), ids,
                sources.batchSize(), sources.requestsPerMinute(), json));
        registry.bind("consoleActions", new ConsoleActions(ids, approvals, sources.marker(), sources.redrive(),
                sources.pause(), sources.names(), json));
        ConsoleServer.addTo(context, settings, csrf);
    }
}
