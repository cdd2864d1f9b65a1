package ai.truedy.loader.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.intake.Approvals;
import ai.truedy.loader.intake.ReadyMarker;
import ai.truedy.loader.intake.RetryRedrive;
import ai.truedy.loader.model.AtomicFiles;
import ai.truedy.loader.model.FileName;
import ai.truedy.loader.reporting.FileError;
import ai.truedy.loader.reporting.FileReport;
import ai.truedy.loader.reporting.OutputNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.auth.User;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person can do on the console: approve a file waiting for approval (the load takes it at its
 * next poll), discard it (to error/ with {@code name.error.json} saying by whom and when), and
 * re-drive retry/ now; pause all sending and resume it. Each is logged with who did it.
 */
public final class ConsoleActions {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleActions.class);
    /** The header Camel's embedded server sets to the authenticated user. */
    public static final String USER = "CamelVertxPlatformHttpAuthenticatedUser";

    private final FileIds ids;
    private final Approvals approvals;
    private final ReadyMarker marker;
    private final RetryRedrive redrive;
    private final OperatorPause pause;
    private final OutputNames names;
    private final ObjectMapper json;

    /**
     * @param folders the loader's folders by role: inbox, done, error, retry, preview
     * @param names the outputs' names, as the load reserves them: unique across done/ and error/ and,
     *              in a cluster, all instances
     */
    public ConsoleActions(Map<String, Path> folders, Approvals approvals, ReadyMarker marker, RetryRedrive redrive,
                          OperatorPause pause, OutputNames names, ObjectMapper json) {
        this.ids = new FileIds(folders);
        this.approvals = approvals;
        this.marker = marker;
        this.redrive = redrive;
        this.pause = pause;
        this.names = names;
        this.json = json;
    }

    public String approve(@Header("id") String id, @Header(USER) Object user) throws IOException {
        Path file = waitingFile(id);
        if (Approvals.approve(file, onTheConsole(user))) {
            LOG.info("{} approved {}: it is loaded next", who(user), file.getFileName());
        }
        return json.writeValueAsString(Map.of("file", file.getFileName().toString(), "approved", true));
    }

    public String discard(@Header("id") String id, @Header(USER) Object user) throws IOException {
        Path file = waitingFile(id);
        String name = file.getFileName().toString();
        String relativePath = FileIds.relativePath(ids.folder("inbox"), file).orElse(name);
        FileName parts = FileName.of(name);
        String stem = names.reserve(parts.base(), parts.extension());
        Path error = ids.folder("error");
        Path original = error.resolve(new FileName(stem, parts.extension()).name());
        Path errorFile = error.resolve(stem + OutputNames.ERROR);
        try {
            Files.move(file, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            throw new ConsoleRefusal(409, "the file is no longer waiting: approved or discarded meanwhile");
        }
        marker.remove(file);
        String because = "discarded on the console by " + who(user) + " at " + Instant.now() + ": not loaded, nothing sent";
        AtomicFiles.write(errorFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new FileError(relativePath, because,
                Instant.now().toString(), 0, 0, 0, 0, new FileReport.Outputs(original.toString(), errorFile.toString(),
                        null, null, null))));
        LOG.info("{} discarded {}: moved to {}", who(user), relativePath, original);
        return json.writeValueAsString(Map.of("file", name, "discarded", true));
    }

    public String redriveNow(@Header(USER) Object user) throws IOException {
        int moved = redrive.moveAllNow();
        LOG.info("{} re-drove retry/ now: {} file(s) back in the inbox", who(user), moved);
        return json.writeValueAsString(Map.of("files_redriven", moved));
    }

    /** Pauses all sending, for every instance: each sender stops after its current request. */
    public String pauseSending(@Header(USER) Object user) throws IOException {
        pause.pause(onTheConsole(user));
        return sendingState();
    }

    public String resumeSending(@Header(USER) Object user) throws IOException {
        pause.resume(onTheConsole(user));
        return sendingState();
    }

    private String sendingState() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("paused", pause.paused().isPresent());
        ConsoleStatus.putPause(state, pause);
        return json.writeValueAsString(state);
    }

    private Path waitingFile(String id) {
        Path file = "inbox".equals(ids.folderOf(id)) ? ids.resolve(id).orElse(null) : null;
        if (file == null) {
            throw new ConsoleRefusal(404, "no such file in the inbox");
        }
        if (!approvals.waiting(file)) {
            throw new ConsoleRefusal(409, "the file is not waiting for approval");
        }
        return file;
    }

    /** Who acted, as reports, markers and the pause record it: "ops, on the console". */
    private static String onTheConsole(Object user) {
        return who(user) + ", on the console";
    }

    private static String who(Object user) {
        return user instanceof User authenticated && authenticated.subject() != null ? authenticated.subject()
                : "a console user (no password set)";
    }
}
