package darwin.population.confirm;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.core.stats.Interval;
import darwin.core.stats.Noise;
import darwin.core.stats.Sample;
import darwin.memory.ConfirmedGain;
import darwin.memory.ledger.ConfirmationEvaluated;
import darwin.memory.ledger.Ledger;
import darwin.population.confirm.Measurement.Side;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confirms a gain: the seed and a variant evaluated {@code repeat} times each, in turn (seed,
 * variant, seed, variant, …), and the relative change of perplexity and of MFU with their 95%
 * intervals.
 *
 * <p>Design. <em>Interleaved, one at a time:</em> the host's speed drifts (other work, heat,
 * neighbours), so the two sides share one slot and alternate, and a slow spell falls on both alike
 * instead of on whichever was measured then. <em>Fresh seeds:</em> the variant won its place on
 * the run's evaluation seed, among many draws; evaluated again on that seed it would repeat its
 * lucky draw, so pair {@code i} trains both sides with seed {@link #seeds}{@code (base)[i]},
 * derived from the run's seed with a purpose of its own and never the run's seed itself. <em>Log
 * scale:</em> held-out loss is the log of perplexity, and MFU is compared as its log, where noise is
 * relative and about the same for every variant. <em>Paired:</em> the two evaluations of pair
 * {@code i} share a seed and a moment, so what the seed's draw and the host's speed at that moment
 * did to both cancels in their difference; the change is the mean of the pairs' differences
 * (variant − seed) with its Student's t interval on n − 1 degrees of freedom, where n is the number
 * of pairs in which both sides worked. With fewer than two such pairs (a side failed now and then)
 * it is the difference of the two sides' means with their pooled spread. Either becomes a relative
 * change through {@code exp(x) − 1}.
 *
 * <p>Resume. Each evaluation is appended to the ledger as a {@code CONFIRMATION} event once, by
 * (variant, budget, seed) — a failure of the harness itself may be recorded again once it worked —
 * and the evaluator's result cache answers what was measured before, so a confirmation that was
 * stopped repeats no training.
 *
 * <p>Keeps no mutable state; the ledger is synchronized.
 */
public final class Confirmation {

    /** The confidence level of the intervals. */
    public static final double LEVEL = 0.95;

    /** The fewest evaluations per side that give an interval (one degree of freedom each). */
    public static final int MINIMUM = 2;

    /** Mixed into the derivation of the seeds, so that they are not the run's evaluation seeds. */
    private static final long PURPOSE = 0x636F6E6669726DL; // "confirm"

    private final Evaluator evaluator;
    private final Ledger ledger;
    private final ConfirmationListener listener;
    private final Clock clock;

    public Confirmation(Evaluator evaluator, Ledger ledger, ConfirmationListener listener, Clock clock) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.listener = listener == null ? ConfirmationListener.NONE : listener;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The evaluation seeds of a confirmation of {@code repeat} pairs on a run with seed {@code base}:
     * distinct, never {@code base}, and in the range of an {@code int} (the engine takes its seed as
     * one). The same for every call.
     */
    public static List<Long> seeds(long base, int repeat) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (long i = 0; seeds.size() < repeat; i++) {
            long x = (base ^ PURPOSE) * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            long seed = (x ^ (x >>> 31)) >>> 33;
            if (seed != base) {
                seeds.add(seed);
            }
        }
        return List.copyOf(seeds);
    }

    /**
     * Evaluates the seed and the variant {@code repeat} times each, in turn, and compares them. It
     * stops early once a side can no longer reach {@link #MINIMUM} evaluations that worked.
     *
     * @param base the run's seed, from which the evaluation seeds are derived
     * @throws IllegalArgumentException when the variant is the seed or {@code repeat} is below 2
     */
    public ConfirmationResult confirm(Variant variant, Variant seed, Budget budget, int repeat, long base)
            throws InterruptedException {
        if (variant.id().equals(seed.id())) {
            throw new IllegalArgumentException("variant " + variant.id() + " is the seed itself: there is no gain to confirm");
        }
        if (repeat < MINIMUM) {
            throw new IllegalArgumentException("a confirmation needs at least " + MINIMUM
                    + " evaluations of each side for an interval, got " + repeat);
        }
        List<Long> seeds = seeds(base, repeat);
        List<Measurement> measurements = new ArrayList<>();
        int[] tried = new int[2];
        int[] worked = new int[2];
        for (int i = 0; i < repeat && feasible(tried, worked, repeat); i++) {
            for (Side side : Side.values()) {
                Variant subject = side == Side.SEED ? seed : variant;
                EvaluationResult result = evaluator.evaluate(subject, budget, seeds.get(i));
                Measurement measurement = new Measurement(side, i, subject.id(), seeds.get(i), result);
                record(measurement, budget);
                measurements.add(measurement);
                tried[side.ordinal()]++;
                worked[side.ordinal()] += measurement.usable().isPresent() ? 1 : 0;
                listener.evaluated(measurement, measurements.size(), 2 * repeat);
            }
        }
        return compare(variant.id(), seed.id(), budget, measurements, clock.instant());
    }

    /** Whether both sides can still reach the minimum with the evaluations left. */
    private static boolean feasible(int[] tried, int[] worked, int repeat) {
        for (int side = 0; side < 2; side++) {
            if (worked[side] + repeat - tried[side] < MINIMUM) {
                return false;
            }
        }
        return true;
    }

    /** The change from the measurements, or why there is none. */
    static ConfirmationResult compare(String variant, String seed, Budget budget, List<Measurement> measurements,
            Instant at) {
        Map<Side, List<Metrics>> usable = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            usable.put(side, measurements.stream().filter(m -> m.side() == side).flatMap(m -> m.usable().stream()).toList());
        }
        if (usable.values().stream().anyMatch(list -> list.size() < MINIMUM)) {
            return new ConfirmationResult.Unconfirmed(variant, seed, unconfirmed(measurements), measurements);
        }
        Sample seedLoss = sample(usable.get(Side.SEED), false);
        Sample variantLoss = sample(usable.get(Side.VARIANT), false);
        Sample seedLogMfu = sample(usable.get(Side.SEED), true);
        Sample variantLogMfu = sample(usable.get(Side.VARIANT), true);
        List<Metrics[]> pairs = pairs(measurements);
        Interval perplexity;
        Interval mfu;
        if (pairs.size() >= MINIMUM) {
            perplexity = differences(pairs, false).interval(LEVEL).relative();
            mfu = differences(pairs, true).interval(LEVEL).relative();
        } else {
            perplexity = Noise.pooled(List.of(variantLoss, seedLoss)).difference(variantLoss, seedLoss, LEVEL).relative();
            mfu = Noise.pooled(List.of(variantLogMfu, seedLogMfu)).difference(variantLogMfu, seedLogMfu, LEVEL).relative();
        }
        ConfirmedGain gain = new ConfirmedGain(variant, seed, budget.key(), Math.min(seedLoss.count(), variantLoss.count()),
                perplexity, mfu, at);
        return new ConfirmationResult.Confirmed(gain, seedLoss, variantLoss, seedLogMfu, variantLogMfu, measurements);
    }

    /** The pairs, {seed, variant}, in which both sides worked: measured with one seed, one after the other. */
    private static List<Metrics[]> pairs(List<Measurement> measurements) {
        Map<Integer, Metrics[]> byReplicate = new java.util.TreeMap<>();
        for (Measurement m : measurements) {
            m.usable().ifPresent(metrics -> byReplicate.computeIfAbsent(m.replicate(), i -> new Metrics[2])[m.side().ordinal()]
                    = metrics);
        }
        return byReplicate.values().stream().filter(pair -> pair[0] != null && pair[1] != null).toList();
    }

    /** Variant minus seed within each pair, of the held-out loss or of the log of MFU. */
    private static Sample differences(List<Metrics[]> pairs, boolean logMfu) {
        return new Sample(pairs.stream().map(pair -> logMfu ? Math.log(pair[Side.VARIANT.ordinal()].mfu())
                - Math.log(pair[Side.SEED.ordinal()].mfu()) : pair[Side.VARIANT.ordinal()].valLoss()
                - pair[Side.SEED.ordinal()].valLoss()).toList());
    }

    private static Sample sample(List<Metrics> metrics, boolean logMfu) {
        return new Sample(metrics.stream().map(m -> logMfu ? Math.log(m.mfu()) : m.valLoss()).toList());
    }

    /** {@code the seed worked in 3 of 3 evaluations, the variant in 1 of 2 (RUNTIME_ERROR: …); …}. */
    private static String unconfirmed(List<Measurement> measurements) {
        List<String> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            List<Measurement> of = measurements.stream().filter(m -> m.side() == side).toList();
            List<String> problems = of.stream().map(Measurement::problem).filter(p -> !p.isEmpty()).distinct().toList();
            long worked = of.stream().filter(m -> m.usable().isPresent()).count();
            sides.add(String.format("the %s worked in %d of %d evaluation%s%s", side.word(), worked, of.size(),
                    of.size() == 1 ? "" : "s", problems.isEmpty() ? "" : " (" + problems.stream().limit(2)
                            .collect(Collectors.joining("; ")) + (problems.size() > 2 ? "; …" : "") + ")"));
        }
        return "the gain cannot be confirmed: " + String.join(", ", sides) + "; an interval needs at least " + MINIMUM
                + " on each side";
    }

    /**
     * Appends the evaluation to the ledger, unless it is there already (the ledger holds one per
     * variant, budget and seed, a failure of the harness aside).
     */
    private void record(Measurement measurement, Budget budget) {
        EvaluationResult result = measurement.result();
        // the flag is written only when true: a line without it reads as before the flag, by its reason
        ledger.append(new ConfirmationEvaluated(measurement.variant(), budget.key(), measurement.seed(),
                result.status().name(), result.reason(), result.measured().orElse(null),
                result.harnessFailure() ? Boolean.TRUE : null));
    }
}
