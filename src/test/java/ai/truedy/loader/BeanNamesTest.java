package ai.truedy.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.truedy.loader.wiring.BeanNames;
import ai.truedy.loader.wiring.ConsoleBeans;
import ai.truedy.loader.wiring.LoadBeans;
import ai.truedy.loader.wiring.PipelineBeans;
import ai.truedy.loader.wiring.PreviewBeans;
import org.apache.camel.BindToRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans the routes call by name are named in one place, and each of those names is bound. */
class BeanNamesTest {

    /** {@code ref: name}, {@code #bean:name} and {@code "#name"} or {@code =#name} in an endpoint's options. */
    private static final Pattern USE = Pattern.compile("ref:\\s*([A-Za-z]\\w*)|#bean:([A-Za-z]\\w*)|[\"=]#(?!bean:)([A-Za-z]\\w*)");
    private static final List<Class<?>> CONFIGURATIONS = List.of(PipelineBeans.class, LoadBeans.class, PreviewBeans.class,
            ConsoleBeans.class);

    @Test
    void every_bean_a_route_calls_is_one_of_the_bean_names() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(file -> file.toString().endsWith(".camel.yaml")).toList()) {
                Matcher use = USE.matcher(Files.readString(route));
                while (use.find()) {
                    used.add(Stream.of(use.group(1), use.group(2), use.group(3)).filter(name -> name != null).findFirst().orElseThrow());
                }
            }
        }
        assertThat(used).isNotEmpty().isSubsetOf(BeanNames.ALL);
        assertThat(BeanNames.ALL).as("names no route uses any more").containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void every_bean_name_is_bound_by_a_configuration_class() {
        Set<String> bound = new TreeSet<>();
        for (Class<?> configuration : CONFIGURATIONS) {
            Arrays.stream(configuration.getMethods()).map(method -> method.getAnnotation(BindToRegistry.class))
                    .filter(annotation -> annotation != null).forEach(annotation -> bound.add(annotation.value()));
        }
        assertThat(bound).containsAll(BeanNames.ALL).contains(BeanNames.TRUEDY_HTTP_CLIENT);
    }
}
