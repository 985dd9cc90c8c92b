package darwin.mutation.catalog;

import static darwin.mutation.catalog.CatalogTag.OPTIMIZER;
import static darwin.mutation.catalog.CatalogTag.REGULARISATION;
import static darwin.mutation.catalog.CatalogTag.SCHEDULE;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entries that change the optimizer's and the schedule's constants in {@code GptConfig.BABY}:
 * each is computed from the current values, and each has a bound past which it no longer applies,
 * so that it never applies twice in a row to its own output.
 */
final class HyperparameterEntries {

    /** The highest peak rate {@code learning-rate-up} goes to. */
    static final double HIGHEST_RATE = 3e-3;
    /** The lowest peak rate {@code learning-rate-down} goes to. */
    static final double LOWEST_RATE = 4e-4;
    /** The warm-up {@code short-warmup} sets, in steps. */
    static final int SHORT_WARMUP = 20;
    /** The weight-decay timescale 1/(lr·wd) in steps that {@code weight-decay-timescale} sets. */
    static final double DECAY_TIMESCALE = 2000;

    private HyperparameterEntries() {}

    static List<CatalogEntry> all() {
        return List.of(learningRateUp(), learningRateDown(), shortWarmup(), cosineToZero(), beta2(), weightDecay(),
                dropout());
    }

    static CatalogEntry learningRateUp() {
        return new CatalogEntry("learning-rate-up",
                "Double the peak learning rate and its cosine floor (at most 3e-3).",
                """
                Doubles the peak AdamW learning rate and the floor of the cosine decay with it, so their \
                ratio stays the same. nanoGPT's 1e-3 was tuned for a 6-layer, 384-wide model trained for \
                thousands of steps; a 4-layer, 128-wide model has smaller matrices that tolerate larger \
                steps, and under a fixed short budget a faster descent is worth more than a cautious one. \
                The warm-up and the clipping of the gradient norm at 1 guard the first steps. Too high a \
                rate shows as a loss that spikes when warm-up ends or plateaus high; the entry never goes \
                above 3e-3.""",
                Set.of(OPTIMIZER), new Recipe.ConfigChange(line -> scaleRate(line, 2.0)));
    }

    static CatalogEntry learningRateDown() {
        return new CatalogEntry("learning-rate-down",
                "Halve the peak learning rate and its cosine floor (at least 4e-4).",
                """
                Halves the peak learning rate and the floor of the cosine decay. A lower rate is the remedy \
                for a curve that is noisy or spikes after warm-up, and for changes that make the old rate \
                too aggressive (a wider model, a larger initialisation, an untied head). On a healthy curve \
                it usually costs loss under a fixed budget, because each step makes less progress; it is in \
                the catalog because the best rate is found from both sides. The entry never goes below \
                4e-4.""",
                Set.of(OPTIMIZER), new Recipe.ConfigChange(line -> scaleRate(line, 0.5)));
    }

    static CatalogEntry shortWarmup() {
        return new CatalogEntry("short-warmup",
                "Shorten the linear warm-up to 20 steps.",
                """
                Cuts the linear warm-up to 20 steps (nanoGPT uses 100). Under a time budget a small model \
                may take only a few hundred to a few thousand steps, and 100 of them at a fraction of the \
                peak rate are a real share of the budget spent learning slowly. Adam's bias correction and \
                the gradient clipping already bound the first updates, and a small pre-LayerNorm model is \
                stable near its peak rate early. The risk is a loss spike in the first steps when the peak \
                rate is also high.""",
                Set.of(SCHEDULE), new Recipe.ConfigChange(line -> line.integer("warmupSteps")
                        .filter(steps -> steps > SHORT_WARMUP)
                        .map(steps -> line.withInteger("warmupSteps", SHORT_WARMUP))));
    }

    static CatalogEntry cosineToZero() {
        return new CatalogEntry("cosine-to-zero",
                "End the cosine decay at a learning rate of zero instead of a tenth of the peak.",
                """
                Sets the minimum learning rate to 0, so the cosine decay anneals completely by the end of \
                the budget (the schedule follows the budget's progress, time budgets included). The last \
                stretch of training then takes ever smaller steps, which averages away the noise of larger \
                ones; studies of decay schedules for a fixed budget find decaying to zero gives a lower \
                final loss than stopping at a tenth of the peak. The cost is that the last few percent of \
                the budget make little progress of their own, which a very short budget feels most.""",
                Set.of(SCHEDULE), new Recipe.ConfigChange(line -> line.number("minLearningRate")
                        .filter(floor -> floor > 0)
                        .map(floor -> line.withDecimal("minLearningRate", 0.0))));
    }

    static CatalogEntry beta2() {
        return new CatalogEntry("beta2-095",
                "Lower Adam's beta2 to 0.95.",
                """
                Sets AdamW's second-moment decay to 0.95, the value of GPT-3, LLaMA and nanoGPT's own GPT-2 \
                configuration. With 0.99 the variance estimate averages about a hundred steps, so when the \
                gradients' scale changes quickly (early in training, at the end of warm-up) updates can be \
                too large before it catches up; 0.95 follows within about twenty steps and keeps training \
                steadier at higher rates. nanoGPT chose 0.99 on purpose for its small character-level \
                batches, whose noisy gradients 0.95 tracks more closely, so this is a genuine trade-off to \
                measure rather than a sure gain.""",
                Set.of(OPTIMIZER), new Recipe.ConfigChange(line -> line.number("beta2")
                        .filter(beta2 -> beta2 > 0.95)
                        .map(beta2 -> line.withDecimal("beta2", 0.95))));
    }

    static CatalogEntry weightDecay() {
        return new CatalogEntry("weight-decay-timescale",
                "Set the weight decay so that its timescale 1/(lr·wd) is 2000 steps (0.5 at lr 1e-3).",
                """
                Sets the decoupled weight decay to 1/(2000 × the peak learning rate): 0.5 at 1e-3. AdamW \
                shrinks each matrix by lr·wd per step, so it forgets old updates over about 1/(lr·wd) \
                steps; with nanoGPT's 0.1 at 1e-3 that is 10,000 steps, longer than this program's budgets, \
                and the decay hardly acts. Work that treats AdamW's decay as a timescale finds the best \
                results when it is comparable to the length of training, which keeps the weights' norms in \
                check and their effective step size up late in training. On a run much shorter than 2000 \
                steps, or at a high rate, it pulls the embeddings towards zero and costs loss; gains and \
                biases stay undecayed.""",
                Set.of(OPTIMIZER, REGULARISATION), new Recipe.ConfigChange(line -> line.number("learningRate")
                        .filter(rate -> rate > 0)
                        .flatMap(rate -> line.number("weightDecay")
                                .filter(decay -> decay < 0.9 / (DECAY_TIMESCALE * rate))
                                .map(decay -> line.withDecimal("weightDecay", 1 / (DECAY_TIMESCALE * rate))))));
    }

    static CatalogEntry dropout() {
        return new CatalogEntry("dropout",
                "Turn on dropout of 0.1 on embeddings, attention weights and residual branches.",
                """
                Sets dropout to 0.1, which the program applies while training to the embeddings, the \
                attention weights and each residual branch. tinyshakespeare is about a million characters, \
                and a model trained long enough memorises it: held-out loss turns up while training loss \
                keeps falling, which nanoGPT counters with dropout 0.2 on its larger model. Under a short \
                budget the model is far from that point, and dropout only adds noise and a few percent of \
                compute, so this pays only on long budgets or larger models.""",
                Set.of(REGULARISATION), new Recipe.ConfigChange(line -> line.number("dropout")
                        .filter(rate -> rate < 0.05)
                        .map(rate -> line.withDecimal("dropout", 0.1))));
    }

    /**
     * Scales the peak rate and the floor by a factor, when the peak stays within
     * [{@link #LOWEST_RATE}, {@link #HIGHEST_RATE}].
     */
    private static Optional<ConfigLine> scaleRate(ConfigLine line, double factor) {
        return line.number("learningRate").flatMap(rate -> line.number("minLearningRate").flatMap(floor -> {
            double next = rate * factor;
            if (next > HIGHEST_RATE * 1.0001 || next < LOWEST_RATE * 0.9999) {
                return Optional.empty();
            }
            return Optional.of(line.withDecimal("learningRate", next).withDecimal("minLearningRate", floor * factor));
        }));
    }
}
