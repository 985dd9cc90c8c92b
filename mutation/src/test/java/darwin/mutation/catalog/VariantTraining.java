package darwin.mutation.catalog;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Variant;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.data.Corpus;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.harness.TrainingRequest;
import darwin.trainer.sandbox.VariantClassLoader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a variant's {@code program/} sources in memory and trains it a few steps in this
 * process with the real harness (causality checks and held-out scoring included).
 */
final class VariantTraining {

    /** Steps each variant trains: enough for the optimizer and the schedule to run, and fast. */
    static final long STEPS = 3;

    private static final SourceCompiler COMPILER = SourceCompiler.forRunningJvm();
    // a fixed peak keeps the tests from calibrating
    private static final Harness HARNESS = new Harness(Corpus.tinyShakespeare(), new HarnessSettings(64, HeldOutWindows.DEFAULT_EVERY, 1e11, null));

    private VariantTraining() {}

    static Compilation compile(Variant variant) {
        Map<String, String> sources = new TreeMap<>();
        variant.sources().forEach((path, content) -> {
            if (path.startsWith("program/")) {
                sources.put(path, content);
            }
        });
        return COMPILER.compile(sources);
    }

    /** Compiles (failing the test with javac's report if it does not) and trains {@link #STEPS} steps. */
    static EvaluationResult train(Variant variant) throws ReflectiveOperationException {
        Compilation compilation = compile(variant);
        assertTrue(compilation.succeeded(), compilation.report());
        ClassLoader loader = new VariantClassLoader(compilation.classes(), VariantTraining.class.getClassLoader());
        Class<?> entry = loader.loadClass(variant.entry());
        assertSame(loader, entry.getClassLoader(), "the variant's own class, not the seed's from the trainer jar");
        TrainingProgram program = (TrainingProgram) entry.getConstructor().newInstance();
        return HARNESS.evaluate(program, new TrainingRequest(Budget.steps(STEPS), 1, null, null));
    }
}
