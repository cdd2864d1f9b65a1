package ai.truedy.loader;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which package may use which. The shared types live in {@code model}, which uses nothing else of
 * ours. The package cycles that stand today are frozen (recorded in src/test/resources/archunit):
 * a new one fails the build, and each one removed is dropped from the record.
 */
@AnalyzeClasses(packages = "ai.truedy.loader", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_model_uses_nothing_else_of_ours = classes()
            .that().resideInAPackage("ai.truedy.loader.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("ai.truedy.loader.model..", "java..");

    @ArchTest
    static final ArchRule no_new_package_cycles = FreezingArchRule.freeze(
            slices().matching("ai.truedy.loader.(*)..").should().beFreeOfCycles());
}
