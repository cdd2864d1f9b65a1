package ai.truedy.loader.wiring.startup;

import java.util.ArrayList;
import java.util.List;

import ai.truedy.loader.config.LoaderConfigException;
import ai.truedy.loader.files.TakenFile;
import ai.truedy.loader.wiring.BeanNames;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SetPropertyDefinition;

/**
 * Refuses, at start, a copy of routes/ made for an earlier release that would run but not load:
 * its file route opens each file without first taking it ({@code fileIntake.take}, kept as
 * {@value TakenFile#PROPERTY}), so every file would fail and be put back in the inbox, over and
 * over. The loader stops before any file is touched, saying what to copy again.
 */
public final class EarlierRoutes extends ModelLifecycleStrategySupport {

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        List<ProcessorDefinition<?>> steps = steps(route.getOutputs());
        boolean opens = steps.stream().anyMatch(step -> step instanceof BeanDefinition bean
                && BeanNames.FILE_INTAKE.equals(bean.getRef()) && "open".equals(bean.getMethod()));
        boolean takes = steps.stream().anyMatch(step -> step instanceof SetPropertyDefinition property
                && TakenFile.PROPERTY.equals(property.getName()));
        if (opens && !takes) {
            throw new LoaderConfigException("the route " + route.getRouteId() + " in routes/ was copied from an"
                    + " earlier release: it calls fileIntake.open without first setting the property " + TakenFile.PROPERTY
                    + " (fileIntake.take), so no file could be loaded; copy routes/ again from this release (the jar holds"
                    + " them in loader-defaults/routes/) and delete preview-contacts.camel.yaml, as a preview now runs"
                    + " the same routes");
        }
    }

    private static List<ProcessorDefinition<?>> steps(List<ProcessorDefinition<?>> outputs) {
        List<ProcessorDefinition<?>> all = new ArrayList<>();
        for (ProcessorDefinition<?> step : outputs) {
            all.add(step);
            all.addAll(steps(step.getOutputs()));
        }
        return all;
    }
}
