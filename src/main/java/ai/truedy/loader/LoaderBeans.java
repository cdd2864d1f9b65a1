package ai.truedy.loader;

import ai.truedy.loader.wiring.LoaderConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration class's earlier name: {@code camel.main.configuration-classes =
 * ai.truedy.loader.LoaderBeans} still works, with a warning.
 *
 * @deprecated name {@link LoaderConfiguration} ({@code ai.truedy.loader.wiring.LoaderConfiguration}) instead
 */
@Deprecated(forRemoval = true)
public final class LoaderBeans extends LoaderConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LoaderBeans.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        LOG.warn("ai.truedy.loader.LoaderBeans is deprecated and will stop working in the next release: set"
                + " camel.main.configuration-classes = ai.truedy.loader.wiring.LoaderConfiguration");
        super.configure(context);
    }
}
