package ai.truedy.loader.cluster;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness at {@code /observe/health} in cluster mode: DOWN, with the reason, while the shared
 * database cannot be reached; the instance then claims no new file, and reconnects by itself.
 */
public final class ClusterReadiness extends AbstractHealthCheck {

    private final ClusterDatabase db;

    public ClusterReadiness(ClusterDatabase db) {
        super("loader", "cluster-database");
        this.db = db;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("instance", db.instanceId());
        // an outage the claims' heartbeat or a poll found out is not waited for again
        if (db.unreachable() == null && db.check()) {
            builder.up();
        } else {
            String reason = db.unreachable();
            builder.down().message(reason == null ? "the cluster database cannot be reached" : reason);
        }
    }
}
