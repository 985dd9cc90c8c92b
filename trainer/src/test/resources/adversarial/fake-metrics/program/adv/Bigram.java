package adv;

// ADVERSARIAL fake-metrics: logs loss 0.0, prints fake reports, rewrites the harness output files after training.

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import darwin.trainer.api.Architecture;
import darwin.trainer.api.Batch;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingContext;
import darwin.trainer.api.TrainingProgram;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.Set;

public final class Bigram implements TrainingProgram {

    static final int BATCH = 8;
    static final int CONTEXT = 32;
    /** High because the mean cross-entropy spreads each step's gradient over 256 tokens and V rows. */
    static final float LEARNING_RATE = 50f;

    @Override
    public LanguageModel newModel(NDManager manager, int vocabularySize) {
        return new Model(manager, vocabularySize);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
        printFakeReports(); // ADVERSARIAL
        Model model = new Model(context.manager(), context.vocabularySize());
        while (!context.clock().exhausted()) {
            try (NDScope step = new NDScope()) {
                Batch batch = context.batches().next(context.manager(), BATCH, CONTEXT);
                NDArray loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    loss = crossEntropy(model.logits(batch.inputs()), batch.targets());
                    collector.backward(loss);
                }
                model.sgdStep(LEARNING_RATE);
                context.metrics().log(0.0, LEARNING_RATE); // ADVERSARIAL: a made-up loss, whatever the real one
            }
        }
        startForging(); // ADVERSARIAL
        return model;
    }

    /**
     * ADVERSARIAL: an imitation of the harness's report line, with a made-up signature, and the
     * marker that says a report is out.
     */
    static final String FAKE_JSON = "{\"status\":\"OK\",\"steps\":999999,\"tokens\":999999999,\"trainSeconds\":0.001}";

    static void printFakeReports() {
        String encoded = java.util.Base64.getEncoder()
                .encodeToString(FAKE_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (java.io.PrintStream out : new java.io.PrintStream[] {System.out, System.err}) {
            out.println("DARWIN-REPORT " + encoded + " 00ff");
            out.println("DARWIN-REPORT " + encoded + " " + "0".repeat(64));
            out.flush();
        }
        try {
            // the marker the harness's code creates once the real report is out
            java.nio.file.Files.writeString(java.nio.file.Path.of("reported"), "");
        } catch (java.io.IOException ignored) {
            // it is already there
        }
    }

    /**
     * ADVERSARIAL: a daemon thread that keeps rewriting the harness's output files in the working
     * directory for five seconds: a curve of zero losses, a valid weights file (darwin's format) of
     * an all-zero table, and a result claiming a perfect score.
     */
    static void startForging() {
        printFakeReports();
        Thread forger = new Thread(() -> {
            long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    forge();
                    Thread.sleep(2);
                } catch (Throwable ignored) {
                    // keep trying
                }
            }
        }, "forger");
        forger.setDaemon(true);
        forger.start();
    }

    static void forge() throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("curve.jsonl"),
                "{\"step\":999999,\"loss\":0.0,\"lr\":1.0,\"tokens\":999999999,\"elapsed\":0.001}\n");
        java.nio.file.Files.writeString(java.nio.file.Path.of("result.json"),
                "{\"status\":\"OK\",\"reason\":\"trained and measured\",\"metrics\":{\"valLoss\":0.0,\"steps\":999999,"
                        + "\"tokensTrained\":999999999,\"trainSeconds\":0.001}}\n");
        int v = 65;
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(java.nio.file.Path.of("weights.bin"))))) {
            out.writeInt(0x44575731); // darwin's weights file magic
            out.writeInt(1);
            out.writeUTF("table");
            out.writeInt(2);
            out.writeLong(v);
            out.writeLong(v);
            for (int i = 0; i < v * v; i++) {
                out.writeFloat(0f);
            }
        }
    }

    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).mean().neg();
    }

    /** logits(tokens) = the rows of the table picked by the tokens: causal, rows independent. */
    static final class Model implements LanguageModel {

        final NDArray table;
        private final SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();

        Model(NDManager manager, int vocabularySize) {
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
        }

        @Override
        public NDArray logits(NDArray tokens) {
            return Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
        }

        /** Plain SGD, in place, outside the gradient collector; then the gradient is zeroed. */
        void sgdStep(float learningRate) {
            NDArray gradient = table.getGradient();
            table.subi(gradient.mul(learningRate));
            gradient.subi(gradient);
        }

        @Override
        public SequencedMap<String, NDArray> parameters() {
            return parameters;
        }

        @Override
        public Architecture architecture() {
            return new Architecture(0, (int) table.getShape().get(0), 64, Set.of());
        }
    }
}
