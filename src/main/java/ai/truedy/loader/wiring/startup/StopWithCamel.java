package ai.truedy.loader.wiring.startup;

import ai.truedy.loader.files.LoaderRun;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * In an embedding runtime, stops the loader as SIGTERM stops the standalone one, as soon as Camel
 * begins to stop and before it shuts the routes down: the files being loaded stop handing out
 * batches, the batches in flight are settled and journaled, and the files are resumed next start.
 */
public final class StopWithCamel extends EventNotifierSupport {

    private final LoaderRun run;

    public StopWithCamel(LoaderRun run) {
        this.run = run;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        run.stop();
    }
}
