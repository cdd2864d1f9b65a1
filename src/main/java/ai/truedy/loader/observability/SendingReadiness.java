package ai.truedy.loader.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.delivery.BatchCount;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness at {@code /observe/health}: DOWN while a person paused sending, or it is suspended after a 401, 402 or 403,
 * or while a folder cannot be written, with the reason in the body; while UP, its message names the
 * batch calls being served. Its details ({@code data=true}) count their batches: {@code
 * waiting.<batch call>} and {@code sending.<batch call>}.
 */
public final class SendingReadiness extends AbstractHealthCheck {

    private final RequestBudget gate;
    private final OperatorPause pause;
    private final List<Path> folders;
    private final Supplier<Map<String, BatchCount>> batches;

    /** @param batches the batches read and not yet settled, by batch call */
    public SendingReadiness(RequestBudget gate, OperatorPause pause, List<Path> folders,
                            Supplier<Map<String, BatchCount>> batches) {
        super("loader", "sending");
        this.gate = gate;
        this.pause = pause;
        this.folders = folders;
        this.batches = batches;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /**
     * Why nothing can be sent now: a person paused it, a suspension (401/402/403, a stale do-not-call
     * list), or folders not writable; null when it can.
     */
    public String notReadyBecause() {
        Optional<OperatorPause.Paused> paused = pause.paused();
        if (paused.isPresent()) {
            return OperatorPause.inWords(paused.get());
        }
        String suspension = gate.suspension();
        if (suspension != null) {
            return suspension;
        }
        List<String> unwritable = folders.stream().filter(folder -> !Files.isWritable(folder)).map(Path::toString).toList();
        return unwritable.isEmpty() ? null : "folders not writable: " + String.join(", ", unwritable);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String notReady = notReadyBecause();
        Map<String, BatchCount> served = batches.get();
        served.forEach((batchCallId, count) -> {
            builder.detail("waiting." + batchCallId, count.waiting());
            builder.detail("sending." + batchCallId, count.sending());
        });
        if (notReady != null) {
            builder.down().message(notReady);
        } else {
            builder.up();
            if (!served.isEmpty()) {
                builder.message("batch calls taking turns: " + BatchCount.inWords(served));
            }
        }
    }
}
