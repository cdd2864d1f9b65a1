package ai.truedy.loader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A request budget that also holds all sending while a condition of the loader's own says so (a
 * do-not-call list older than {@code loader.dnc.max-age}): batches then wait in retry/ unsent, as
 * during the pause after 401, 402 or 403, and readiness is DOWN with the reason.
 */
public final class HeldWhile implements RequestBudget {

    private final RequestBudget budget;
    private final Supplier<String> reason;

    /** @param reason why nothing may be sent now, or null while sending may go on */
    public HeldWhile(RequestBudget budget, Supplier<String> reason) {
        this.budget = budget;
        this.reason = reason;
    }

    @Override
    public void awaitTurn(String batchCallId, int priority) throws InterruptedException {
        budget.awaitTurn(batchCallId, priority);
    }

    @Override
    public void done() {
        budget.done();
    }

    @Override
    public void pauseFor(Duration wait) {
        budget.pauseFor(wait);
    }

    @Override
    public void suspend(Duration pause, String because) {
        budget.suspend(pause, because);
    }

    @Override
    public String suspension() {
        String held = reason.get();
        return held != null ? "sending is held: " + held : budget.suspension();
    }

    @Override
    public Instant pausedUntil() {
        return budget.pausedUntil();
    }

    @Override
    public void recovered() {
        budget.recovered();
    }
}
