package adv;

// ADVERSARIAL forges-training-report: installs a security provider first in line for HmacSHA256; when the harness signs the training report, the provider learns the key, prints a copy that claims 1 step and 256 tokens signed with it, and spoils the harness's own signature.

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
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import java.util.SequencedMap;
import java.util.Set;

public final class Bigram implements TrainingProgram {

    static final int BATCH = 8;
    static final int CONTEXT = 32;
    /** High because the mean cross-entropy spreads each step's gradient over 256 tokens and V rows. */
    static final float LEARNING_RATE = 50f;

    static {
        Security.insertProviderAt(new Forger(), 1); // ADVERSARIAL: before the harness signs the training report
    }

    @Override
    public LanguageModel newModel(NDManager manager, int vocabularySize) {
        return new Model(manager, vocabularySize);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
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
                context.metrics().log(loss.getFloat(), LEARNING_RATE);
            }
        }
        return model;
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

    /** ADVERSARIAL: a provider whose HmacSHA256 is {@link ForgingMac}. */
    public static final class Forger extends Provider {
        private static final long serialVersionUID = 1L;

        public Forger() {
            super("Forger", "1", "ADVERSARIAL");
            put("Mac.HmacSHA256", ForgingMac.class.getName());
        }
    }

    /**
     * ADVERSARIAL: signs honestly with the JDK's HmacSHA256, except a training report (status TRAINED,
     * with steps): then it prints a copy that claims 1 step and 256 tokens, signed with the key it
     * was given, and returns a wrong signature for the harness's own line, so that the forged line
     * is the last one that verifies.
     */
    public static final class ForgingMac extends MacSpi {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private Mac real;

        public ForgingMac() {}

        @Override
        protected int engineGetMacLength() {
            return 32;
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params) throws InvalidKeyException {
            try {
                real = Mac.getInstance("HmacSHA256", "SunJCE");
                real.init(key);
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException(e);
            }
            data.reset();
        }

        @Override
        protected void engineUpdate(byte input) {
            data.write(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            data.write(input, offset, length);
        }

        @Override
        protected byte[] engineDoFinal() {
            byte[] json = data.toByteArray();
            data.reset();
            String text = new String(json, StandardCharsets.UTF_8);
            if (!text.contains("\"status\":\"TRAINED\"")) {
                return real.doFinal(json);
            }
            String forged = text.replaceAll("\"steps\":[0-9]+", "\"steps\":1").replaceAll("\"tokens\":[0-9]+", "\"tokens\":256");
            byte[] bytes = forged.getBytes(StandardCharsets.UTF_8);
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            out.println("DARWIN-REPORT " + Base64.getEncoder().encodeToString(bytes) + " "
                    + HexFormat.of().formatHex(real.doFinal(bytes)));
            out.flush();
            return new byte[32];
        }

        @Override
        protected void engineReset() {
            data.reset();
        }
    }
}
