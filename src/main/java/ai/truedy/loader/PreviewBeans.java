package ai.truedy.loader;

import java.io.IOException;
import java.util.List;

import ai.truedy.loader.config.LoaderConfigException;
import ai.truedy.loader.delivery.PreviewSender;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.files.ContactFiles;
import ai.truedy.loader.files.FilePreviews;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.state.FileJournals;
import ai.truedy.loader.state.LocalSentMemory;
import ai.truedy.loader.state.SentMemory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The beans of a preview ({@code --preview}, {@code loader.preview = true}), bound instead of the loading ones. */
final class PreviewBeans {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewBeans.class);
    /** Files one preview run remembers as previewed (a file changed since is previewed again). */
    private static final int PREVIEWED_FILES = 100_000;
    /** The routes that load, send and move files: none may run in a preview. */
    private static final List<String> SENDING_ROUTES = List.of("load-contacts-file", "send-batch",
            "redrive-retry-files", "watch-archived-files");

    private PreviewBeans() {
    }

    /**
     * A preview ({@code --preview}) sends nothing and changes nothing but its own folder: no sandbox,
     * no state store or cluster database, no retry re-drive, no settle watch. Only the preview route
     * and the do-not-call refresh run (the others have {@code loader.preview} preconditions); routes
     * from an earlier version without them would load for real, so the loader refuses to start.
     */
    /**
     * The numbers batch calls have, as a load would find them, read and never written: the local
     * memory under loader.state (a cluster's database is not opened by a preview).
     */
    static SentMemory sentMemory(LoaderSettings settings, ObjectMapper json) throws IOException {
        return settings.cluster().enabled() || settings.sentMemory().isZero() ? SentMemory.NONE
                : new LocalSentMemory(settings.state(), settings.sentMemory(), true, json);
    }

    static void bind(CamelContext context, LoaderSettings settings, ContactFiles files, RequestBudget gate,
                     ObjectMapper json, LoaderRun run) throws Exception {
        Registry registry = context.getRegistry();
        registry.bind("previewedFiles", MemoryIdempotentRepository.memoryIdempotentRepository(PREVIEWED_FILES));
        registry.bind("filePreviews", new FilePreviews(files, settings.previewDir(), settings.delivery().concurrency(),
                settings.batchSize(), settings.retryMaxRounds(), settings.delivery().requestsPerMinute(), run,
                json.writerWithDefaultPrettyPrinter(), settings.once() ? System.out : null,
                settings.cluster().enabled() ? (file, byName) -> null // the cluster's journals are not looked at
                        : (file, byName) -> FileJournals.loadedWithin(settings.state(), file.path(), byName,
                                file.relativePath(), settings.duplicateFileWindow(), Coordination.keys(settings), json)));
        registry.bind("previewSender", new PreviewSender(gate));
        context.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(
                new ModelLifecycleStrategySupport() {
                    @Override
                    public void onAddRouteDefinition(RouteDefinition route) {
                        if (SENDING_ROUTES.contains(route.getRouteId()) && route.getPrecondition() == null) {
                            throw new LoaderConfigException("--preview cannot run: the route " + route.getRouteId()
                                    + " in routes/ would load and send; it lacks the packaged routes' precondition"
                                    + " (\"{{loader.preview}} == false\"), so routes/ is from an earlier version");
                        }
                    }
                });
        LOG.info("PREVIEW: files in {} are read and what a load would do is written to {}; nothing is sent or moved",
                settings.inbox(), settings.previewDir());
    }
}
