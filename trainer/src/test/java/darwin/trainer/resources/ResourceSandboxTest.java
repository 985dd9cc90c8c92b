package darwin.trainer.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.CompileCheck;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.data.Corpus;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.process.ProcessRunner;
import darwin.trainer.sandbox.ChildClasspath;
import darwin.trainer.sandbox.SandboxEvaluator;
import darwin.trainer.sandbox.SandboxSettings;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Variants with resources, evaluated as the run evaluates them: compiled in process, trained and scored in child JVMs. */
@Timeout(300)
class ResourceSandboxTest {

    private static final Corpus CORPUS = Corpus.tinyShakespeare();
    private static final String NANO_GPT = "program/darwin/program/NanoGpt.java";

    private static ResourceStore store;
    private static DatasetRef dataset;
    private static LibraryRef library;
    private static SandboxSettings settings;
    private static SandboxEvaluator evaluator;

    @BeforeAll
    static void store(@TempDir Path shared) throws Exception {
        store = ResourceStore.at(shared.resolve("resources"));
        Path text = Files.writeString(shared.resolve("hamlet.txt"),
                "To be, or not to be, that is the question:\r\n".repeat(50) + "Ophélie\n");
        DatasetAdded added = store.addDataset(text, CORPUS.tokenizer());
        assertEquals(51, added.dropped(), "fifty carriage returns and an é");
        dataset = added.ref();
        library = store.addLibrary("org.example:tiny:1.0", TestJars.compiled(shared, "tiny-1.0.jar", TestJars.TINY));
        settings = SandboxSettings.defaults().withWorkRoot(shared.resolve("work")).withResources(store.dir());
        evaluator = new SandboxEvaluator(CORPUS, settings, 1e11, new ProcessRunner());
    }

    /** The seed, whose model's vocabulary size passes through the library in both child processes. */
    private static Variant usingTheLibrary() {
        Variant seed = SeedVariant.variant();
        String program = seed.files().get(NANO_GPT);
        String changed = program
                .replace("new GptModel(config, manager, vocabularySize)",
                        "new GptModel(config, manager, org.example.tiny.Widths.same(vocabularySize))")
                .replace("new GptModel(config, context.manager(), context.vocabularySize())",
                        "new GptModel(config, context.manager(), org.example.tiny.Widths.same(context.vocabularySize()))");
        assertEquals(3, changed.split("org.example.tiny.Widths", -1).length, "both places use the library");
        return seed.derive(Map.of(NANO_GPT, changed));
    }

    @Test
    void aVariantWithADatasetAndALibraryTrainsOnMoreTokensInTheSandbox(@TempDir Path logs) {
        Variant variant = VariantResources.derive(VariantResources.derive(usingTheLibrary(), dataset), library);
        EvaluationResult result = evaluator.evaluate(variant, Budget.steps(3), 7, TrainingListener.NONE, logs);

        assertEquals(EvaluationStatus.OK, result.status(), result.reason() + "\n" + result.logTail());
        assertEquals(evaluator.sandboxed(), result.reason().contains("in a bubblewrap sandbox"), result.reason());
        String expected = String.format(Locale.ROOT, "on %,d training tokens: the corpus's %,d and %,d from 1 dataset",
                CORPUS.trainSize() + dataset.characters(), CORPUS.trainSize(), dataset.characters());
        assertTrue(result.reason().contains(expected), result.reason());
        assertEquals(3, result.metrics().steps());
    }

    @Test
    void withoutTheLibraryTheProgramDoesNotCompile() {
        EvaluationResult result = evaluator.evaluate(VariantResources.derive(usingTheLibrary(), dataset), Budget.steps(3), 7,
                TrainingListener.NONE, null);
        assertEquals(EvaluationStatus.COMPILE_ERROR, result.status(), result.reason());
        assertTrue(result.reason().contains(NANO_GPT) && result.reason().contains("org.example.tiny"), result.reason());
    }

    @Test
    void aMissingOrChangedFileIsAFailureOfTheHarnessThatNamesItAndIsNotCached() throws Exception {
        DatasetRef absent = new DatasetRef("absent.txt", "0".repeat(64), 10);
        EvaluationResult missing = evaluator.evaluate(VariantResources.derive(SeedVariant.variant(), absent), Budget.steps(3), 7,
                TrainingListener.NONE, null);
        assertTrue(missing.harnessFailure(), missing.reason());
        assertFalse(ResultCache.cacheable(missing));
        assertTrue(missing.reason().contains(store.dir().resolve(absent.fileName()).toString()), missing.reason());

        Path copy = Files.createDirectories(settings.workRoot().resolve("changed-store"));
        Files.copy(store.resolve(library), copy.resolve(library.fileName()));
        Files.write(copy.resolve(library.fileName()), new byte[] {1}, StandardOpenOption.APPEND);
        EvaluationResult changed = new SandboxEvaluator(CORPUS, settings.withResources(copy), 1e11, new ProcessRunner())
                .evaluate(VariantResources.derive(usingTheLibrary(), library), Budget.steps(3), 7, TrainingListener.NONE, null);
        assertTrue(changed.harnessFailure(), changed.reason());
        assertTrue(changed.reason().contains(copy.resolve(library.fileName()) + " of library org.example:tiny:1.0 does not match"),
                changed.reason());
    }

    @Test
    void withoutAStoreAVariantWithResourcesIsAFailureOfTheHarness() {
        EvaluationResult result = new SandboxEvaluator(CORPUS, settings.withResources(null), 1e11, new ProcessRunner())
                .evaluate(VariantResources.derive(SeedVariant.variant(), dataset), Budget.steps(3), 7, TrainingListener.NONE, null);
        assertTrue(result.harnessFailure(), result.reason());
        assertTrue(result.reason().contains("no resource store"), result.reason());
    }

    @Test
    void theMutationStepsCompileCheckSeesTheLibraries() {
        SourceCompiler compiler = ChildClasspath.compiler();
        Variant variant = VariantResources.derive(usingTheLibrary(), library);
        assertTrue(new VariantCompileCheck(compiler, Optional.of(store)).check(variant).ok());

        CompileCheck.Report noStore = new VariantCompileCheck(compiler).check(variant);
        assertEquals(VariantResources.MANIFEST, noStore.errors().getFirst().path());
        assertTrue(noStore.rendered().contains("no resource store"), noStore.rendered());

        CompileCheck.Report noLibrary = new VariantCompileCheck(compiler, Optional.of(store)).check(usingTheLibrary());
        assertFalse(noLibrary.ok());
        assertTrue(noLibrary.rendered().contains("org.example.tiny"), noLibrary.rendered());
    }
}
