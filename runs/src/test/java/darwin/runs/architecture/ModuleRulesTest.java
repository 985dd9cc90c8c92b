package darwin.runs.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The module map of the design, checked on the compiled main classes of every module (the runs
 * module's tests see them all): {@code core} ← {@code trainer}, {@code mutation}, {@code memory} ←
 * {@code population} ← {@code runs}. Maven keeps a module from compiling against one it does not
 * declare; these rules keep the declarations honest and say what each module may import, and they
 * add what Maven cannot see: the packages of a module form no cycle, and the seed program, which
 * the agents rewrite and the sandbox runs, speaks only the harness API.
 */
class ModuleRulesTest {

    /** Every main class of every module, imported once for all the rules. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("darwin");

    private static final String CORE = "darwin.core..";
    private static final String MEMORY = "darwin.memory..";
    private static final String TRAINER = "darwin.trainer..";
    /** The seed program ships in the trainer module. */
    private static final String PROGRAM = "darwin.program..";
    private static final String MUTATION = "darwin.mutation..";
    private static final String POPULATION = "darwin.population..";
    private static final String RUNS = "darwin.runs..";

    @Test
    void coreImportsNoOtherModule() {
        check(classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("darwin..").or(resideInAnyPackage(CORE)))
                .because("core holds the vocabulary and the ports every module speaks, and depends on none of them"));
    }

    @Test
    void memoryImportsOnlyCore() {
        check(classes().that().resideInAPackage(MEMORY)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("darwin..").or(resideInAnyPackage(CORE, MEMORY)))
                .because("the run's files are read and written by memory alone, over core's types"));
    }

    @Test
    void trainerImportsOnlyCore() {
        check(classes().that().resideInAnyPackage(TRAINER, PROGRAM)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("darwin..")
                        .or(resideInAnyPackage(CORE, TRAINER, PROGRAM)))
                .because("the trainer implements core's evaluator and compile check and knows no other module"));
    }

    @Test
    void mutationImportsOnlyCore() {
        check(classes().that().resideInAPackage(MUTATION)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("darwin..").or(resideInAnyPackage(CORE, MUTATION)))
                .because("the mutation side implements core's mutator and knows no other module"));
    }

    @Test
    void populationImportsNoTrainerNorMutation() {
        check(noClasses().that().resideInAPackage(POPULATION)
                .should().dependOnClassesThat().resideInAnyPackage(TRAINER, PROGRAM, MUTATION)
                .because("the loop reaches evaluation, mutation and variant storage through core's ports, which runs fills"));
    }

    @Test
    void populationImportsOnlyCoreAndMemory() {
        check(classes().that().resideInAPackage(POPULATION)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("darwin..")
                        .or(resideInAnyPackage(CORE, MEMORY, POPULATION)))
                .because("selection and the loop depend on core, memory and Jenetics only"));
    }

    @Test
    void nothingOutsideRunsImportsRuns() {
        check(noClasses().that().resideOutsideOfPackage(RUNS)
                .should().dependOnClassesThat().resideInAPackage(RUNS)
                .because("runs is the application that assembles the modules; nothing depends on it"));
    }

    @Test
    void seedProgramSpeaksOnlyTheHarnessApi() {
        check(classes().that().resideInAPackage(PROGRAM)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("darwin..")
                        .or(resideInAnyPackage(PROGRAM, "darwin.trainer.api..")))
                .because("the seed program is what agents rewrite and the sandbox trains: its contract is the harness API"));
    }

    /**
     * Every package is a slice of its own, so a cycle between two packages of one module fails.
     * One dependency is let through while the sandbox is reworked: the library-jar check in
     * {@code trainer.resources} reads the protected packages from the sandbox's class loader, which
     * itself reads resources.
     */
    @Test
    void noPackageCycles() {
        check(slices().matching("darwin.(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }
}
