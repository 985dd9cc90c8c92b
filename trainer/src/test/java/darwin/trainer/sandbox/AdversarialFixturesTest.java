package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.CompilerDiagnostic;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.harness.TrainingRequest;
import darwin.trainer.variant.HarnessFiles;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial fixtures are well formed: each is a readable variant once the bundled harness
 * files are added, each compiles but the one that must not, each is documented with the status the
 * harness must give it, and the honest baseline trains. Running the adversarial ones is the
 * sandbox's test, not this one.
 */
@Timeout(60)
class AdversarialFixturesTest {

    static final List<String> CASES = List.of("honest-bigram", "does-not-compile", "throws", "calls-exit",
            "loops-forever", "sleeps-past-budget", "allocates-heap", "allocates-native", "spawns-process",
            "writes-outside", "reads-heldout", "shadows-harness", "edits-harness", "fake-metrics", "returns-nan",
            "looks-ahead", "mixes-rows", "no-model", "wrong-entry", "loads-darwin-libraries", "reads-training-split",
            "works-in-static-initializer", "works-in-constructor", "trains-past-budget", "looks-ahead-on-text",
            "mixes-rows-on-text", "proxies-logits", "forges-report", "learns-while-scored", "links-logs", "fifo-stdout",
            "floods-output", "fills-tmp", "fills-workspace", "forks-bomb", "opens-files", "memoizes-rows",
            "forges-training-report", "keeps-probe-text");

    private static final String ENTRY_SOURCE = "program/adv/Bigram.java";
    /** The sandbox's compiler: the variant's class path, of darwin's packages only the harness API. */
    private static final SourceCompiler COMPILER = ChildClasspath.compiler();
    private static final Map<String, Compilation> COMPILED = new ConcurrentHashMap<>();

    static List<String> cases() {
        return AdversarialFixtures.cases();
    }

    private static Compilation compiled(String name) {
        return COMPILED.computeIfAbsent(name, n -> COMPILER.compile(AdversarialFixtures.sources(n)));
    }

    @Test
    void everyCaseIsAFolderAndARowOfTheReadme() {
        assertEquals(CASES.stream().sorted().toList(), AdversarialFixtures.cases());
        var table = AdversarialFixtures.expectedStatuses();
        assertEquals(Set.copyOf(CASES), table.keySet());
        assertEquals(Set.of(EvaluationStatus.OK), table.get(AdversarialFixtures.BASELINE));
        assertEquals(Set.of(EvaluationStatus.COMPILE_ERROR), table.get(AdversarialFixtures.DOES_NOT_COMPILE));
        assertEquals(Set.of(EvaluationStatus.OK, EvaluationStatus.VIOLATION), table.get("spawns-process"));
        assertEquals(Set.of(EvaluationStatus.DIVERGED), AdversarialFixtures.expectedStatuses("returns-nan"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isAVariantOnceTheBundledHarnessFilesAreAdded(String name, @TempDir Path dir) throws IOException {
        Path folder = AdversarialFixtures.folder(name);
        JsonNode metadata = new ObjectMapper().readTree(folder.resolve(VariantDirectory.METADATA).toFile());
        assertEquals(1, metadata.get("schema").asInt(), name);
        assertTrue(metadata.get("parents").isArray() && metadata.get("parents").isEmpty(), name);
        try (Stream<Path> walk = Files.walk(folder)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .toList();
            for (String file : files) {
                boolean allowed = file.equals(VariantDirectory.METADATA) || HarnessFiles.isMutable(file)
                        || (name.equals(AdversarialFixtures.EDITS_HARNESS)
                                && file.equals("harness/darwin/trainer/api/MetricsSink.java"));
                assertTrue(allowed, name + " holds " + file);
            }
            assertTrue(files.contains(ENTRY_SOURCE), name + " lacks " + ENTRY_SOURCE);
        }

        Variant variant = AdversarialFixtures.variant(name);
        assertEquals(metadata.get("entry").asText(), variant.entry());
        assertTrue(variant.files().keySet().containsAll(HarnessFiles.bundled().keySet()), name);
        Optional<String> tampering = HarnessFiles.tampering(variant);
        if (name.equals(AdversarialFixtures.EDITS_HARNESS)) {
            assertEquals(Optional.of("the harness file harness/darwin/trainer/api/MetricsSink.java was changed"),
                    tampering);
        } else {
            assertEquals(Optional.empty(), tampering, name);
        }
        // what an evaluator does with it: write it out as a variant directory and read it back
        VariantDirectory.write(variant, dir.resolve(name));
        assertEquals(variant.id(), VariantDirectory.read(dir.resolve(name)).id());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compilesUnlessItMustNot(String name) {
        Compilation compilation = compiled(name);
        if (name.equals(AdversarialFixtures.DOES_NOT_COMPILE)) {
            assertFalse(compilation.succeeded());
            CompilerDiagnostic error = compilation.errors().getFirst();
            assertEquals(ENTRY_SOURCE, error.path());
            assertEquals(38, error.line(), error.render());
            assertTrue(compilation.report().startsWith(ENTRY_SOURCE + ":38:"), compilation.report());
            return;
        }
        assertTrue(compilation.succeeded(), name + ":\n" + compilation.report());
        Set<String> classes = compilation.classes().keySet();
        assertTrue(classes.contains("adv.Bigram"), name + " " + classes);
        String entry = AdversarialFixtures.variant(name).entry();
        assertEquals(!name.equals("wrong-entry"), classes.contains(entry), name + ": entry " + entry);
        Optional<String> shadowing = name.equals("shadows-harness")
                ? Optional.of("darwin.trainer.harness.BudgetTracker")
                : Optional.empty();
        assertEquals(shadowing, VariantClassLoader.shadowing(classes), name);
    }

    @Test
    void theHonestBaselineTrainsInProcess() throws ReflectiveOperationException {
        Compilation compilation = compiled(AdversarialFixtures.BASELINE);
        assertTrue(compilation.succeeded(), compilation.report());
        TrainingProgram program = AdversarialFixtures.instantiate(compilation,
                AdversarialFixtures.variant(AdversarialFixtures.BASELINE).entry());
        Harness harness = new Harness(Corpus.tinyShakespeare(), new HarnessSettings(64, HeldOutWindows.DEFAULT_EVERY, 1e11, null));
        EvaluationResult result = harness.evaluate(program, new TrainingRequest(Budget.steps(30), 1, null, null));
        assertEquals(EvaluationStatus.OK, result.status(), result.reason());
        assertEquals(30, result.metrics().steps());
        assertEquals(30L * 8 * 32, result.metrics().tokensTrained());
        assertEquals(65L * 65, result.metrics().parameters());
        assertTrue(result.metrics().valLoss() < 3.5, "held-out loss " + result.metrics().valLoss());
    }
}
