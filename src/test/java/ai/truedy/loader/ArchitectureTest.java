package ai.truedy.loader;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.apache.camel.Exchange;
import org.apache.camel.spi.BeanRepository;
import org.apache.camel.support.CamelContextHelper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which package may use which. The shared types live in {@code model}, which uses nothing else of
 * ours. The stages use only those before them in the flow (intake, contacts, batching, delivery)
 * and the model; reporting, state and metrics listen to the stages and are never called by them;
 * the file routes' beans ({@code files}) and the Kamelet's ({@code sink}) put the stages together;
 * {@code cluster} implements the state store, the request budget and the file claims on PostgreSQL;
 * the console reads the stages and acts only through the folders, and nothing of the flow calls it;
 * {@code wiring} binds everything (its configuration classes), and only the root package's
 * {@code LoaderMain} uses it. Beans reach each other by type, never by a name looked up in Java.
 */
@AnalyzeClasses(packages = "ai.truedy.loader", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("ai.truedy.loader.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_model_uses_nothing_else_of_ours = classes()
            .that().resideInAPackage("ai.truedy.loader.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("ai.truedy.loader.model..", "java..");

    /**
     * The methods that must take the exchange itself, and why: the sender drives Camel's HTTP
     * producer with it (the request and the answer are its messages), and the send route's queue
     * holds exchanges (a seda queue is a {@code BlockingQueue<Exchange>}).
     */
    static final Set<String> TAKE_THE_EXCHANGE = Set.of("BatchSender.send", "WaitingBatches.offer", "WaitingBatches.put");

    @ArchTest
    static final ArchRule bean_methods_take_typed_parameters_not_the_exchange = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAnyPackage("ai.truedy.loader.files..", "ai.truedy.loader.delivery..",
                    "ai.truedy.loader.reporting..", "ai.truedy.loader.console..")
            .and(DescribedPredicate.describe("are not named in TAKE_THE_EXCHANGE", (JavaMethod method) ->
                    !TAKE_THE_EXCHANGE.contains(method.getOwner().getSimpleName() + "." + method.getName())))
            .should(new ArchCondition<>("not take an Exchange") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean takesIt = method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Exchange.class));
                    events.add(new SimpleConditionEvent(method, !takesIt, method.getFullName() + " takes an Exchange"));
                }
            });

    /**
     * A bean reaches another by a typed parameter of a {@code @BindToRegistry} method, so a missing
     * or misspelt one fails at compile time or at start with its type, not later by a name.
     */
    @ArchTest
    static final ArchRule no_bean_is_looked_up_by_a_name = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe("a registry lookup by name", (JavaMethodCall call) ->
                    call.getTarget().getName().startsWith("lookupByName")
                            && call.getTarget().getOwner().isAssignableTo(BeanRepository.class)))
            .orShould().callMethodWhere(DescribedPredicate.describe("CamelContextHelper's lookups", (JavaMethodCall call) ->
                    call.getTarget().getOwner().isEquivalentTo(CamelContextHelper.class)
                            && call.getTarget().getName().toLowerCase(java.util.Locale.ROOT).contains("lookup")));

    @ArchTest
    static final ArchRule the_stages_depend_downwards_along_the_flow = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("main").definedBy("ai.truedy.loader")
            .layer("wiring").definedBy("ai.truedy.loader.wiring..")
            .layer("file routes").definedBy("ai.truedy.loader.files..")
            .layer("console").definedBy("ai.truedy.loader.console..")
            .layer("kamelet").definedBy("ai.truedy.loader.sink..")
            .layer("sandbox").definedBy("ai.truedy.loader.sandbox..")
            .layer("cluster").definedBy("ai.truedy.loader.cluster..")
            .layer("config").definedBy("ai.truedy.loader.config..")
            .layer("reporting").definedBy("ai.truedy.loader.reporting..")
            .layer("state").definedBy("ai.truedy.loader.state..")
            .layer("observability").definedBy("ai.truedy.loader.observability..")
            .layer("delivery").definedBy("ai.truedy.loader.delivery..")
            .layer("batching").definedBy("ai.truedy.loader.batching..")
            .layer("contacts").definedBy("ai.truedy.loader.contacts..")
            .layer("intake").definedBy("ai.truedy.loader.intake..")
            .layer("model").definedBy("ai.truedy.loader.model..")
            .whereLayer("main").mayNotBeAccessedByAnyLayer()
            .whereLayer("wiring").mayOnlyBeAccessedByLayers("main")
            .whereLayer("file routes").mayOnlyBeAccessedByLayers("main", "wiring")
            .whereLayer("console").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("kamelet").mayNotBeAccessedByAnyLayer()
            .whereLayer("sandbox").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("cluster").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("config").mayOnlyBeAccessedByLayers("main", "wiring", "kamelet", "console")
            .whereLayer("reporting").mayOnlyBeAccessedByLayers("wiring", "file routes", "console")
            .whereLayer("state").mayOnlyBeAccessedByLayers("wiring", "file routes", "cluster")
            .whereLayer("observability").mayOnlyBeAccessedByLayers("wiring", "file routes", "kamelet", "console")
            .whereLayer("delivery").mayOnlyBeAccessedByLayers("wiring", "file routes", "kamelet", "observability",
                    "cluster", "console")
            .whereLayer("batching").mayOnlyBeAccessedByLayers("wiring", "file routes", "kamelet", "delivery")
            .whereLayer("contacts").mayOnlyBeAccessedByLayers("wiring", "file routes", "kamelet", "config",
                    "reporting", "delivery", "batching", "console")
            .whereLayer("intake").mayOnlyBeAccessedByLayers("wiring", "file routes", "kamelet", "config",
                    "reporting", "delivery", "batching", "contacts", "console");
}
