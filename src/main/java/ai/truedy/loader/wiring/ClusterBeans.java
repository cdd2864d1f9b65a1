package ai.truedy.loader.wiring;

import ai.truedy.loader.cluster.ClusterReadiness;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;

/**
 * What only a load in a cluster has ({@code loader.cluster.jdbc-url} set): readiness while the
 * shared database cannot be reached. The claims, journals, budget and pause themselves are the
 * cluster's {@link Coordination}.
 */
@Configuration
public final class ClusterBeans {

    /** Readiness at /observe/health (Camel finds it here): DOWN while the cluster's database cannot be reached. */
    @BindToRegistry(lazy = true)
    public ClusterReadiness clusterReadiness(CamelContext context, Coordination shared) {
        ClusterReadiness readiness = new ClusterReadiness(shared.database());
        readiness.setCamelContext(context);
        return readiness;
    }
}
