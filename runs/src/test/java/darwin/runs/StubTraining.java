package darwin.runs;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.sandbox.LocalEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Training that takes no time, for the commands that evaluate: each variant's held-out loss and log
 * MFU are normal about its mean with 1% noise, the draw fixed by the variant and the seed. Results
 * go through a real {@link LocalEvaluator} and the run's result cache.
 */
final class StubTraining {

    /** Mean held-out loss and log MFU by variant id; {@link #otherwise} for the rest. */
    final Map<String, double[]> means = new HashMap<>();
    double[] otherwise = {2.5, Math.log(0.03)};
    /** Variants that fail, with their status. */
    final Map<String, EvaluationStatus> failing = new HashMap<>();
    /** Every evaluation trained, as {@code id@budget@seed}, in order. */
    final List<String> trained = Collections.synchronizedList(new ArrayList<>());
    /** An evaluation that dies as a killed process would: it throws, and nothing is cached. */
    Predicate<String> killed = key -> false;

    EvaluationResult evaluate(Variant variant, Budget budget, long seed) {
        String key = variant.id() + "@" + budget.key() + "@" + seed;
        if (killed.test(key)) {
            throw new IllegalStateException("killed while training " + key);
        }
        trained.add(key);
        if (failing.containsKey(variant.id())) {
            return EvaluationResult.failed(failing.get(variant.id()), "the loss went to NaN at step 12", "");
        }
        double[] mean = means.getOrDefault(variant.id(), otherwise);
        SplittableRandom random = new SplittableRandom(seed * 31 + variant.id().hashCode());
        double loss = mean[0] + 0.01 * random.nextGaussian();
        double mfu = Math.exp(mean[1] + 0.01 * random.nextGaussian());
        return EvaluationResult.ok(new Metrics(loss, Math.exp(loss), mfu, 1000, 30_000, 100, 800_000, 5e6, 1e11, 35, 30, "cpu"),
                "");
    }

    /** The run's evaluator: one slot, the run's result cache, this stub in the slot. */
    RunEvaluators evaluators() {
        return (settings, run, listener, ledger) -> new LocalEvaluator((variant, budget, seed, logs) -> evaluate(variant, budget, seed),
                1, ResultCache.under(run.variants()), "cpu", id -> null);
    }

    /** Makes {@code run}, {@code resume} and {@code confirm} with this stub as their evaluator. */
    CommandLine.IFactory factory() {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(evaluators()));
                }
                if (type == ResumeCommand.class) {
                    return type.cast(new ResumeCommand(evaluators()));
                }
                if (type == ConfirmCommand.class) {
                    return type.cast(new ConfirmCommand(evaluators()));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
    }

    Cli.Outcome darwin(String... args) {
        return Cli.darwin(factory(), args);
    }
}
