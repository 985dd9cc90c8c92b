package adv;

// ADVERSARIAL proxies-logits: the scored model returns a java.lang.reflect.Proxy of NDArray that delegates every call but makes a whole-array sum() a quarter of the true one.

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
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
        return new Model(manager, vocabularySize, true);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
        Model model = new Model(context.manager(), context.vocabularySize(), false);
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
        /** Made by newModel: the model that is scored (training's gradients need real arrays). */
        private final boolean scored;

        Model(NDManager manager, int vocabularySize, boolean scored) {
            this.scored = scored;
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
        }

        @Override
        public NDArray logits(NDArray tokens) {
            NDArray own = Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
            return scored ? QuarterSums.wrap(own) : own; // ADVERSARIAL
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

    /**
     * ADVERSARIAL: delegates every call to the real array, wraps every array it returns, unwraps
     * its own proxies among the arguments, and makes a whole-array {@code sum()} a quarter.
     */
    static final class QuarterSums implements InvocationHandler {
        private final NDArray real;

        private QuarterSums(NDArray real) {
            this.real = real;
        }

        static NDArray wrap(NDArray real) {
            return (NDArray) Proxy.newProxyInstance(NDArray.class.getClassLoader(), new Class<?>[] {NDArray.class},
                    new QuarterSums(real));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object[] plain = args == null ? null : args.clone();
            if (plain != null) {
                for (int i = 0; i < plain.length; i++) {
                    if (plain[i] != null && Proxy.isProxyClass(plain[i].getClass())
                            && Proxy.getInvocationHandler(plain[i]) instanceof QuarterSums other) {
                        plain[i] = other.real;
                    }
                }
            }
            Object result;
            try {
                result = method.invoke(real, plain);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("sum") && (args == null || args.length == 0)) {
                result = ((NDArray) result).mul(0.25f);
            }
            return result instanceof NDArray array ? wrap(array) : result;
        }
    }
}
