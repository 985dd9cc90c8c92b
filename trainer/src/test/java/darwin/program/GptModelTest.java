package darwin.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import darwin.trainer.device.Engines;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GptModelTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        Engines.load();
        Engines.inferenceMode();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static NDArray randomTokens(int batch, int length, long seed) {
        Random random = new Random(seed);
        long[] tokens = new long[batch * length];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(65);
        }
        return manager.create(tokens, new Shape(batch, length));
    }

    /**
     * A garbage collection between the forward and the backward pass must not change the
     * gradients. DJL's arithmetic with a Java number ({@code x.mul(0.5f)}) makes a temporary scalar
     * array over Java-owned memory and closes it after the operation, while autograd keeps using it
     * for the backward pass: once the collector frees that memory, the gradients are garbage (NaN,
     * in the run that found it, at the same step on every seed). The seed keeps its scalars in
     * arrays it owns.
     */
    @Test
    void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        GptConfig small = new GptConfig(2, 2, 32, 16, 4, 1e-3, 1e-4, 10, 0.1, 0.9, 0.99, 1.0, 0.0, false);
        NDArray tokens = randomTokens(4, 16, 7);
        NDArray targets = randomTokens(4, 16, 8);
        float[][] gradients = new float[2][];
        for (int attempt = 0; attempt < 2; attempt++) {
            try (NDManager scope = manager.newSubManager()) {
                Engine.getInstance().setRandomSeed(11);
                GptModel model = new GptModel(small, scope, 65);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = NanoGpt.crossEntropy(model.forward(tokens, true), targets);
                    if (attempt == 1) {
                        for (int i = 0; i < 3; i++) {
                            System.gc();
                            Thread.sleep(50); // lets the cleaner thread free what the collection found
                            scope.randomNormal(new Shape(64, 1024)).close(); // and reuses freed memory
                        }
                    }
                    collector.backward(loss);
                }
                NDArray wte = model.parameters().get("wte");
                gradients[attempt] = wte.getGradient().toFloatArray();
            }
        }
        for (int i = 0; i < gradients[0].length; i++) {
            assertTrue(Float.isFinite(gradients[1][i]), "gradient " + i + " after a collection: " + gradients[1][i]);
            assertEquals(gradients[0][i], gradients[1][i], 1e-5f, "gradient " + i);
        }
    }

    @Test
    void logitsHaveShapeBatchByTimeByVocabulary() {
        GptModel model = new GptModel(GptConfig.BABY, manager, 65);
        assertEquals(new Shape(3, 64, 65), model.logits(randomTokens(3, 64, 1)).getShape());
        assertEquals(new Shape(2, 17, 65), model.logits(randomTokens(2, 17, 2)).getShape());
        assertThrows(IllegalArgumentException.class, () -> model.logits(randomTokens(1, 65, 3)));
    }

    @Test
    void logitsAtPositionTDoNotDependOnLaterTokens() {
        GptModel model = new GptModel(GptConfig.BABY, manager, 65);
        NDArray tokens = randomTokens(2, 64, 4);
        NDArray changed = tokens.duplicate();
        changed.set(new NDIndex(":, 40:"), randomTokens(2, 24, 5));
        NDArray a = model.logits(tokens);
        NDArray b = model.logits(changed);
        assertTrue(a.get(":, 0:40").sub(b.get(":, 0:40")).abs().max().getFloat() < 1e-5, "positions before the change");
        assertTrue(a.get(":, 40:").sub(b.get(":, 40:")).abs().max().getFloat() > 1e-3, "positions after it do change");
    }

    @Test
    void initialisationFollowsNanoGpt() {
        GptModel model = new GptModel(GptConfig.BABY, manager, 65);
        var p = model.parameters();
        assertEquals(0.02, p.get("h.0.attn.c_attn.weight").toType(DataType.FLOAT64, false)
                .pow(2).mean().sqrt().getDouble(), 0.002);
        assertEquals(0.02 / Math.sqrt(8), p.get("h.3.mlp.c_proj.weight").toType(DataType.FLOAT64, false)
                .pow(2).mean().sqrt().getDouble(), 0.001);
        assertEquals(1f, p.get("ln_f.weight").min().getFloat());
        assertEquals(27, p.size(), "no biases in the default configuration, as nanoGPT's train.py");
        GptModel withBias = new GptModel(new GptConfig(1, 1, 8, 4, 1, 1e-3, 1e-4, 1, 0.1, 0.9, 0.99, 1, 0, true), manager, 5);
        assertTrue(withBias.parameters().containsKey("h.0.mlp.c_fc.bias"));
    }

    @Test
    void crossEntropyOfUniformLogitsIsLnV() {
        NDArray logits = manager.zeros(new Shape(2, 3, 65));
        NDArray targets = manager.create(new long[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        assertEquals(Math.log(65), NanoGpt.crossEntropy(logits, targets).getFloat(), 1e-5);
    }

    @Test
    void scheduleWarmsUpThenDecaysToTheFloor() {
        LearningRateSchedule schedule = new LearningRateSchedule(GptConfig.BABY);
        assertEquals(1e-3 / 101, schedule.rate(0, 0), 1e-12);
        assertEquals(1e-3 * 100 / 101, schedule.rate(99, 99 / 2000.0), 1e-12);
        assertEquals(1e-3, schedule.rate(100, 100 / 2000.0), 1e-12);
        // halfway through the decay: the mean of peak and floor
        assertEquals(0.55e-3, schedule.rate(1050, 1050 / 2000.0), 1e-9);
        assertEquals(1e-4, schedule.rate(2000, 1.0), 1e-12);
    }
}
