package ai.truedy.loader.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.truedy.loader.delivery.RequestBudget;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness at {@code /observe/health}: DOWN while sending is suspended after a 401, 402 or 403,
 * or while a folder cannot be written, with the reason in the body.
 */
public final class SendingReadiness extends AbstractHealthCheck {

    private final RequestBudget gate;
    private final List<Path> folders;

    public SendingReadiness(RequestBudget gate, List<Path> folders) {
        super("loader", "sending");
        this.gate = gate;
        this.folders = folders;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String suspension = gate.suspension();
        List<String> unwritable = folders.stream().filter(folder -> !Files.isWritable(folder)).map(Path::toString).toList();
        if (suspension != null) {
            builder.down().message(suspension);
        } else if (!unwritable.isEmpty()) {
            builder.down().message("folders not writable: " + String.join(", ", unwritable));
        } else {
            builder.up();
        }
    }
}
