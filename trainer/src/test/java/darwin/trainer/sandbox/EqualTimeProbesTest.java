package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.core.EvaluationStatus;
import darwin.program.GptConfig;
import darwin.program.NanoGpt;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingContext;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.data.Corpus;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.SpeedProbes;
import darwin.trainer.harness.SpeedRatio;
import darwin.trainer.harness.TokenGrant;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.harness.TrainingSession;
import darwin.trainer.variant.HarnessFiles;
import darwin.trainer.variant.SeedVariant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The equal-time probes as the training child runs them: the seed of the harness's class path
 * against a variant loaded by a {@link VariantClassLoader}, in one process. The timed tests train
 * the seed's sources with a tiny configuration (against the harness's copy with the same one), so
 * that a probe takes milliseconds.
 */
@Timeout(300)
class EqualTimeProbesTest {

    private static final Corpus CORPUS = Corpus.tinyShakespeare();
    /** As the harness tests' tiny configuration: a step of a few milliseconds. */
    private static final GptConfig TINY = new GptConfig(1, 2, 32, 32, 8, 3e-3, 3e-4, 5, 0.1, 0.9, 0.99, 1.0, 0.0, false);
    private static final NanoGpt REFERENCE = new NanoGpt(TINY);

    private static final String CONFIG = "program/darwin/program/GptConfig.java";
    private static final String LOOP = "program/darwin/program/NanoGpt.java";

    private static TrainingProgram compiledSeed;
    private static TrainingProgram compiledTinySeed;
    private static TrainingProgram slowedTinySeed;

    @BeforeAll
    static void compileTheSeed() throws Exception {
        compiledSeed = compile(Map.of());
        String tinyConfig = SeedVariant.variant().sources().get(CONFIG).replace(
                "new GptConfig(4, 4, 128, 64, 12, 1e-3, 1e-4, 100, 0.1, 0.9, 0.99, 1.0, 0.0, false)",
                "new GptConfig(1, 2, 32, 32, 8, 3e-3, 3e-4, 5, 0.1, 0.9, 0.99, 1.0, 0.0, false)");
        compiledTinySeed = compile(Map.of(CONFIG, tinyConfig));
        // twelve more forward passes a step, several times the work of the step's own forward and
        // backward pass, and of the same kind, so that a busy host slows both alike
        String loop = SeedVariant.variant().sources().get(LOOP);
        String slowedLoop = loop.replace("double lossValue = loss.getFloat();", """
                double lossValue = loss.getFloat();
                                for (int extra = 0; extra < 12; extra++) {
                                    model.forward(batch.inputs(), false).getFloat(0, 0, 0);
                                }""");
        assertNotEquals(loop, slowedLoop);
        slowedTinySeed = compile(Map.of(CONFIG, tinyConfig, LOOP, slowedLoop));
    }

    private static TrainingProgram compile(Map<String, String> changes) throws ProgramLoader.LoadException {
        Map<String, String> sources = new TreeMap<>();
        SeedVariant.variant().sources().forEach((path, content) -> {
            if (HarnessFiles.isMutable(path)) {
                sources.put(path, changes.getOrDefault(path, content));
            }
        });
        Compilation compilation = SourceCompiler.forRunningJvm().compile(sources);
        assertTrue(compilation.succeeded(), compilation.report());
        return ProgramLoader.load(compilation.classes(), SeedVariant.ENTRY);
    }

    @Test
    void theVariantsClassesCoexistWithTheHarnessCopyOfTheSeed() {
        assertEquals(NanoGpt.class.getName(), compiledSeed.getClass().getName());
        assertNotSame(NanoGpt.class, compiledSeed.getClass());
        assertInstanceOf(VariantClassLoader.class, compiledSeed.getClass().getClassLoader());
        assertNotSame(VariantClassLoader.class, NanoGpt.class.getClassLoader().getClass());
        assertNotSame(compiledSeed.getClass(), compiledTinySeed.getClass(), "each variant has classes of its own");
    }

    @Test
    void theSeedAgainstItselfRunsAtTheSameSpeed() {
        SpeedRatio speed = measure(compiledTinySeed);
        System.out.printf("seed against itself: %s%n", speed);
        // a loose bound: on a 2-core host that others load to 4 or 5 times its cores the same code
        // measured 0.6 to 1.1 (the median of five pairs; single pairs strayed much further)
        assertTrue(speed.ratio() > 0.5 && speed.ratio() < 2, "ratio " + speed);
        assertEquals(5, speed.pairs());
        assertTrue(speed.spread() >= 0 && speed.probeSeconds() > 0, speed.toString());
    }

    @Test
    void aVariantThatDoesExtraWorkPerStepIsSlower() {
        SpeedRatio same = measure(compiledTinySeed);
        SpeedRatio slowed = measure(slowedTinySeed);
        System.out.printf("seed against itself: %s; slowed: %s%n", same, slowed);
        assertTrue(slowed.ratio() < 0.6, "slowed " + slowed);
        assertTrue(slowed.ratio() < 0.7 * same.ratio(), "slowed " + slowed + " against " + same);
    }

    @Test
    void aVariantThatFailsInAProbeFailsWithItsOwnStatus() {
        TrainingProgram failing = new TrainingProgram() {
            @Override
            public LanguageModel train(TrainingContext context) {
                throw new IllegalStateException("no training today");
            }

            @Override
            public LanguageModel newModel(NDManager manager, int vocabularySize) {
                return REFERENCE.newModel(manager, vocabularySize);
            }
        };
        try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
            SpeedProbes.Measured measured = new SpeedProbes(session()).measure(REFERENCE, failing, manager,
                    probe -> TokenGrant.probeText(CORPUS.tokenizer().vocabularySize(), 1, probe), 1);
            assertNull(measured.speed());
            assertEquals(EvaluationStatus.RUNTIME_ERROR, measured.failure().status());
            assertTrue(measured.failure().reason().startsWith("in a speed probe: IllegalStateException: no training today"),
                    measured.failure().reason());
        }
    }

    @Test
    void anEqualTimeGrantIsTheSecondsTimesTheCalibratedThroughputTimesTheRatio() {
        try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
            TokenGrant.Grant grant = new TokenGrant(session(), CORPUS.tokenizer().vocabularySize(), REFERENCE, 10_000)
                    .grant(compiledTinySeed, manager, Budget.equalTime(20), 1, TrainingListener.NONE);
            assertNull(grant.failure());
            long tokens = ((Budget.Tokens) grant.budget()).tokens();
            assertEquals(Math.ceil(20 * 10_000 * grant.speed().ratio()), tokens, 1);
            assertEquals(grant.speed().ratio() * 10_000, grant.speedTokensPerSecond().orElseThrow(), 1e-9);
            assertTrue(grant.describe().startsWith("20 s equal-time = " + String.format("%,d", tokens) + " tokens: speed "),
                    grant.describe());
        }
    }

    private static SpeedRatio measure(TrainingProgram variant) {
        try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
            // more and longer probes than an evaluation's: a tiny step takes milliseconds
            SpeedProbes.Measured measured = new SpeedProbes(session(), 5, 2, 15).measure(REFERENCE, variant, manager,
                    probe -> TokenGrant.probeText(CORPUS.tokenizer().vocabularySize(), 7, probe), 7);
            assertNull(measured.failure(), () -> measured.failure().reason());
            return measured.speed();
        }
    }

    private static TrainingSession session() {
        return new TrainingSession(Engines.defaultDevice(), CORPUS.tokenizer().vocabularySize());
    }
}
