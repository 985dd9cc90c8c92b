package darwin.population.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.memory.ledger.ConfirmationEvaluated;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Ledger;
import darwin.population.confirm.ConfirmationResult.Confirmed;
import darwin.population.confirm.ConfirmationResult.Unconfirmed;
import darwin.population.confirm.ConfirmationResult.Verdict;
import darwin.population.confirm.Measurement.Side;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.sandbox.LocalEvaluator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Budget BUDGET = Budget.seconds(20);
    private static final Variant SEED = Variant.seed("darwin.program.Main", Map.of("program/Main.java", "class Main {}"));
    private static final Variant CHILD = SEED.derive(Map.of("program/Main.java", "class Main { int lr; }"));

    /**
     * An evaluator whose held-out loss and log MFU are normal about each variant's mean, the draw
     * fixed by the trial, the variant and the evaluation seed; it records every call, in order, and
     * the most calls it saw at once. It keeps the {@link darwin.trainer.sandbox.EvaluatorContract}
     * ({@link ConfirmationStubTest}).
     */
    static final class Stub implements Evaluator {
        final Map<String, double[]> means; // id -> {loss, log MFU}
        final double sd;
        final long trial;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final Map<String, EvaluationStatus> failing;

        Stub(Map<String, double[]> means, double sd, long trial, Map<String, EvaluationStatus> failing) {
            this.means = means;
            this.sd = sd;
            this.trial = trial;
            this.failing = failing;
        }

        @Override
        public EvaluationResult evaluate(Variant variant, Budget budget, long seed) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                calls.add(variant.id() + "@" + seed);
                EvaluationStatus failure = failing.get(variant.id());
                if (failure != null) {
                    return EvaluationResult.failed(failure, "out of memory at step 3", "");
                }
                return EvaluationResult.ok(metrics(means.get(variant.id()), draw(variant.id(), seed)), "");
            } finally {
                running.decrementAndGet();
            }
        }

        private double[] draw(String id, long seed) {
            SplittableRandom random = new SplittableRandom(trial * 1_000_003L + seed * 31 + id.hashCode());
            return new double[] {random.nextGaussian() * sd, random.nextGaussian() * sd};
        }

        @Override
        public int slots() {
            return 4;
        }
    }

    static Metrics metrics(double[] mean, double[] noise) {
        double loss = mean[0] + noise[0];
        return new Metrics(loss, Math.exp(loss), Math.exp(mean[1] + noise[1]), 1000, 20_000, 100, 800_000, 5e6, 1e11, 25, 20,
                "cpu");
    }

    private static Stub stub(double seedLoss, double childLoss, double sd, long trial) {
        return new Stub(Map.of(SEED.id(), new double[] {seedLoss, Math.log(0.03)}, CHILD.id(),
                new double[] {childLoss, Math.log(0.033)}), sd, trial, Map.of());
    }

    private static Confirmation confirmation(Evaluator evaluator, Ledger ledger, List<String> heard) {
        return new Confirmation(evaluator, ledger, (m, done, of) -> heard.add(done + "/" + of + " " + m.side()), CLOCK);
    }

    private static Ledger ledger(Path dir) {
        return new Ledger(dir.resolve("ledger.jsonl"), CLOCK);
    }

    @Test
    void aRealGainIsConfirmedWithAnIntervalBelowZero(@TempDir Path dir) throws Exception {
        // the variant's loss is 0.10 nats lower: perplexity -9.5%; MFU is 10% higher
        Stub stub = stub(2.50, 2.40, 0.01, 7);
        List<String> heard = new ArrayList<>();
        ConfirmationResult result = confirmation(stub, ledger(dir), heard).confirm(CHILD, SEED, BUDGET, 3, 1);

        Confirmed confirmed = assertInstanceOf(Confirmed.class, result);
        var perplexity = confirmed.gain().perplexity();
        assertTrue(perplexity.high() < 0, perplexity.toString());
        assertTrue(perplexity.contains(Math.expm1(-0.10)), perplexity.toString());
        assertTrue(perplexity.low() > -0.2, "an interval from 3 + 3 draws of 1% noise is narrow: " + perplexity);
        assertTrue(confirmed.gain().mfu().contains(0.1), confirmed.gain().mfu().toString());
        assertTrue(confirmed.gain().significant());
        assertEquals(Verdict.BETTER, confirmed.verdict());
        assertEquals(3, confirmed.gain().repeat());
        assertEquals(BUDGET.key(), confirmed.gain().budget());
        assertEquals(CLOCK.instant(), confirmed.gain().at());
        assertEquals(CHILD.id(), confirmed.variant());
        assertEquals(SEED.id(), confirmed.seed());
        assertEquals(Math.exp(confirmed.variantLoss().mean()) / Math.exp(confirmed.seedLoss().mean()) - 1,
                perplexity.estimate(), 1e-12, "the change is exp(mean loss_v − mean loss_s) − 1");
        assertTrue(confirmed.describe().matches(
                "perplexity -\\d+\\.\\d% \\[-\\d+\\.\\d%, -\\d+\\.\\d%] \\(95%, 3 \\+ 3 evaluations\\), MFU [+-]\\d+\\.\\d% .*"),
                confirmed.describe());
        assertEquals(List.of("1/6 SEED", "2/6 VARIANT", "3/6 SEED", "4/6 VARIANT", "5/6 SEED", "6/6 VARIANT"), heard,
                "each evaluation is heard of as it ends");
    }

    @Test
    void aNullChangeHasAnIntervalHoldingZeroInNineteenTrialsOfTwenty() {
        // the statistics of confirm() on the draws it would get, without a ledger file per trial
        int trials = 1000;
        int holdZero = 0;
        int mfuHoldsZero = 0;
        for (int trial = 0; trial < trials; trial++) {
            Stub stub = new Stub(Map.of(SEED.id(), new double[] {2.5, Math.log(0.03)}, CHILD.id(),
                    new double[] {2.5, Math.log(0.03)}), 0.02, trial, Map.of());
            List<Measurement> measurements = new ArrayList<>();
            List<Long> seeds = Confirmation.seeds(trial, 3);
            for (int i = 0; i < 3; i++) {
                measurements.add(new Measurement(Side.SEED, i, SEED.id(), seeds.get(i), stub.evaluate(SEED, BUDGET, seeds.get(i))));
                measurements.add(new Measurement(Side.VARIANT, i, CHILD.id(), seeds.get(i),
                        stub.evaluate(CHILD, BUDGET, seeds.get(i))));
            }
            Confirmed confirmed = (Confirmed) Confirmation.compare(CHILD.id(), SEED.id(), BUDGET, measurements, CLOCK.instant());
            holdZero += confirmed.gain().perplexity().contains(0) ? 1 : 0;
            mfuHoldsZero += confirmed.gain().mfu().contains(0) ? 1 : 0;
        }
        // 95% expected, with a binomial spread of 0.7% over 1000 trials: neither too narrow nor too wide
        assertTrue(holdZero >= 0.92 * trials && holdZero <= 0.98 * trials, holdZero + " of " + trials);
        assertTrue(mfuHoldsZero >= 0.92 * trials && mfuHoldsZero <= 0.98 * trials, mfuHoldsZero + " of " + trials);
    }

    @Test
    void whatASeedAndAMomentDoToBothSidesOfAPairCancels() {
        // each pair's seed moves both losses by up to ±0.1 nats and its moment both speeds by up to 2x;
        // the variant is truly 0.02 nats better and 5% faster, give or take 0.2%
        SplittableRandom random = new SplittableRandom(11);
        List<Measurement> measurements = new ArrayList<>();
        List<Long> seeds = Confirmation.seeds(5, 4);
        for (int i = 0; i < 4; i++) {
            double seedDraw = 0.05 * random.nextGaussian();
            double moment = 0.35 * random.nextGaussian();
            double[] base = {2.5 + seedDraw, Math.log(0.03) + moment};
            double[] better = {2.48 + seedDraw, Math.log(0.03 * 1.05) + moment};
            measurements.add(new Measurement(Side.SEED, i, SEED.id(), seeds.get(i),
                    EvaluationResult.ok(metrics(base, new double[] {0.002 * random.nextGaussian(), 0.002 * random.nextGaussian()}), "")));
            measurements.add(new Measurement(Side.VARIANT, i, CHILD.id(), seeds.get(i),
                    EvaluationResult.ok(metrics(better, new double[] {0.002 * random.nextGaussian(), 0.002 * random.nextGaussian()}), "")));
        }
        Confirmed confirmed = (Confirmed) Confirmation.compare(CHILD.id(), SEED.id(), BUDGET, measurements, CLOCK.instant());
        var perplexity = confirmed.gain().perplexity();
        var mfu = confirmed.gain().mfu();
        assertTrue(perplexity.contains(Math.expm1(-0.02)) && perplexity.high() < 0, perplexity.toString());
        assertTrue(mfu.contains(0.05) && mfu.low() > 0, mfu.toString());
        var unpaired = darwin.core.stats.Noise.pooled(List.of(confirmed.variantLogMfu(), confirmed.seedLogMfu()))
                .difference(confirmed.variantLogMfu(), confirmed.seedLogMfu(), Confirmation.LEVEL);
        assertTrue(unpaired.contains(0), "the same draws compared as two samples say nothing: " + unpaired);
    }

    @Test
    void aNullChangeThroughTheWholeConfirmationIsNotSignificant(@TempDir Path dir) throws Exception {
        Ledger ledger = ledger(dir);
        int significant = 0;
        int trials = 100;
        for (int trial = 0; trial < trials; trial++) {
            Stub stub = new Stub(Map.of(SEED.id(), new double[] {2.5, Math.log(0.03)}, CHILD.id(),
                    new double[] {2.5, Math.log(0.03)}), 0.02, trial, Map.of());
            Confirmed confirmed = (Confirmed) confirmation(stub, ledger, new ArrayList<>())
                    .confirm(CHILD, SEED, BUDGET, 3, 1000 + trial);
            significant += confirmed.verdict() == Verdict.WITHIN_NOISE ? 0 : 1;
        }
        // 5 expected (a two-sided 95% interval); 10 or more has a chance of 3% under a right interval
        assertTrue(significant <= 9, significant + " of " + trials + " null changes were called significant");
    }

    @Test
    void seedAndVariantTakeTurnsOneAtATimeWithFreshSeeds(@TempDir Path dir) throws Exception {
        Stub stub = stub(2.5, 2.4, 0.01, 1);
        long base = 1337;
        confirmation(stub, ledger(dir), new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, base);
        List<Long> seeds = Confirmation.seeds(base, 3);
        assertEquals(List.of(SEED.id() + "@" + seeds.get(0), CHILD.id() + "@" + seeds.get(0),
                SEED.id() + "@" + seeds.get(1), CHILD.id() + "@" + seeds.get(1),
                SEED.id() + "@" + seeds.get(2), CHILD.id() + "@" + seeds.get(2)), stub.calls);
        assertEquals(1, stub.most.get(), "never two evaluations at once");
    }

    @Test
    void theSeedsAreDistinctReproducibleAndNotTheRunsOwn() {
        for (long base : new long[] {0, 1, 1337, -1, Long.MAX_VALUE}) {
            List<Long> seeds = Confirmation.seeds(base, 10);
            assertEquals(seeds, Confirmation.seeds(base, 10));
            assertEquals(10, new HashSet<>(seeds).size());
            assertEquals(seeds.subList(0, 3), Confirmation.seeds(base, 3), "more replicates extend the same list");
            for (long seed : seeds) {
                assertNotEquals(base, seed);
                assertTrue(seed >= 0 && seed <= Integer.MAX_VALUE, "the engine takes an int seed: " + seed);
            }
        }
        assertNotEquals(Confirmation.seeds(1, 3), Confirmation.seeds(2, 3));
    }

    @Test
    void aVariantThatFailsCannotBeConfirmedAndSaysWhy(@TempDir Path dir) throws Exception {
        Stub stub = new Stub(Map.of(SEED.id(), new double[] {2.5, Math.log(0.03)}), 0.01, 1,
                Map.of(CHILD.id(), EvaluationStatus.OUT_OF_MEMORY));
        Ledger ledger = ledger(dir);
        ConfirmationResult result = confirmation(stub, ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);

        Unconfirmed unconfirmed = assertInstanceOf(Unconfirmed.class, result);
        assertTrue(unconfirmed.reason().startsWith("the gain cannot be confirmed: "), unconfirmed.reason());
        assertTrue(unconfirmed.reason().contains("the variant worked in 0 of 2 evaluations (OUT_OF_MEMORY: out of memory"),
                unconfirmed.reason());
        assertTrue(unconfirmed.reason().contains("the seed worked in 2 of 2 evaluations"), unconfirmed.reason());
        assertEquals(4, stub.calls.size(), "it stops once the variant can no longer work twice in 3");
        assertEquals(4, ledger.entries(EventType.CONFIRMATION).size(), "failures are recorded too");
        ConfirmationEvaluated failed = ledger.events(ConfirmationEvaluated.class).get(1);
        assertEquals("OUT_OF_MEMORY", failed.status());
        assertNull(failed.metrics());
    }

    @Test
    void oneFailureLeavesAnIntervalOnTheEvaluationsThatWorked(@TempDir Path dir) throws Exception {
        Stub inner = stub(2.5, 2.4, 0.01, 3);
        AtomicInteger calls = new AtomicInteger();
        Evaluator flaky = new Evaluator() {
            @Override
            public EvaluationResult evaluate(Variant variant, Budget budget, long seed) throws InterruptedException {
                if (calls.incrementAndGet() == 2) {
                    return EvaluationResult.failed(EvaluationStatus.DIVERGED, "held-out loss is NaN", "");
                }
                return inner.evaluate(variant, budget, seed);
            }

            @Override
            public int slots() {
                return 1;
            }
        };
        Confirmed confirmed = assertInstanceOf(Confirmed.class,
                confirmation(flaky, ledger(dir), new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1));
        assertEquals(3, confirmed.seedLoss().count());
        assertEquals(2, confirmed.variantLoss().count());
        assertEquals(2, confirmed.gain().repeat(), "evaluations of each that worked");
        assertEquals(2, confirmed.usable(Side.VARIANT));
        assertTrue(confirmed.describe().contains("(95%, 3 + 2 evaluations)"), confirmed.describe());
    }

    @Test
    void theVariantMustDifferFromTheSeedAndRepeatBeTwoOrMore(@TempDir Path dir) {
        Confirmation confirmation = confirmation(stub(2.5, 2.4, 0.01, 1), ledger(dir), new ArrayList<>());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> confirmation.confirm(SEED, SEED, BUDGET, 3, 1))
                .getMessage().contains("is the seed itself"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> confirmation.confirm(CHILD, SEED, BUDGET, 1, 1))
                .getMessage().contains("at least 2"));
    }

    @Test
    void eachEvaluationIsInTheLedgerOnceWhateverTheCalls(@TempDir Path dir) throws Exception {
        Ledger ledger = ledger(dir);
        Stub stub = stub(2.5, 2.4, 0.01, 1);
        ConfirmationResult first = confirmation(stub, ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);
        ConfirmationResult second = confirmation(stub, ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);
        assertEquals(((Confirmed) first).gain(), ((Confirmed) second).gain(), "the same draws give the same gain");

        List<ConfirmationEvaluated> events = ledger(dir).events(ConfirmationEvaluated.class);
        assertEquals(6, events.size(), "read back from the file: no event twice");
        ConfirmationEvaluated data = events.getFirst();
        assertEquals(SEED.id(), data.variant());
        assertEquals(BUDGET.key(), data.budget());
        assertEquals(Confirmation.seeds(1, 3).getFirst().longValue(), data.seed());
        assertEquals("OK", data.status());
        assertEquals(stub.means.get(SEED.id())[0], data.measured().orElseThrow().valLoss(), 0.1);

        confirmation(stub, ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 4, 1);
        assertEquals(8, ledger.entries(EventType.CONFIRMATION).size(), "a fourth pair adds only its own two");
    }

    @Test
    void aConfirmationStoppedMidwayResumesFromTheResultCache(@TempDir Path dir) throws Exception {
        Stub stub = stub(2.5, 2.4, 0.01, 1);
        AtomicInteger trained = new AtomicInteger();
        Path variants = dir.resolve("variants");
        LocalEvaluator.SlotEvaluation killedAfterThree = (variant, budget, seed, logs) -> {
            if (trained.incrementAndGet() > 3) {
                throw new IllegalStateException("killed");
            }
            return stub.evaluate(variant, budget, seed);
        };
        Ledger ledger = ledger(dir);
        Confirmation first = confirmation(new LocalEvaluator(killedAfterThree, 1, ResultCache.under(variants), "cpu",
                id -> null), ledger, new ArrayList<>());
        assertThrows(IllegalStateException.class, () -> first.confirm(CHILD, SEED, BUDGET, 3, 1));
        assertEquals(3, ledger.entries(EventType.CONFIRMATION).size());

        AtomicInteger again = new AtomicInteger();
        LocalEvaluator.SlotEvaluation counting = (variant, budget, seed, logs) -> {
            again.incrementAndGet();
            return stub.evaluate(variant, budget, seed);
        };
        Ledger reopened = ledger(dir);
        ConfirmationResult result = confirmation(new LocalEvaluator(counting, 1, ResultCache.under(variants), "cpu",
                id -> null), reopened, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);
        assertInstanceOf(Confirmed.class, result);
        assertEquals(3, again.get(), "the three evaluations done before come from the cache");
        assertEquals(6, reopened.entries(EventType.CONFIRMATION).size());
    }

    private static long lines(Ledger ledger, Variant variant, long seed) {
        return ledger.events(ConfirmationEvaluated.class).stream()
                .filter(e -> e.variant().equals(variant.id()) && e.seed() == seed).count();
    }

    @Test
    void aHarnessFailureInALedgerWrittenBeforeTheFlagIsRecordedAgainOnceItWorks(@TempDir Path dir) throws Exception {
        Ledger ledger = ledger(dir);
        long first = Confirmation.seeds(1, 3).getFirst();
        // CONFIRMATION lines as darwin wrote them before results carried the harness-failure flag (no flag)
        ledger.append(new ConfirmationEvaluated(SEED.id(), BUDGET.key(), first, "RUNTIME_ERROR",
                "the harness failed: interrupted", null));
        ledger.append(new ConfirmationEvaluated(CHILD.id(), BUDGET.key(), first, "OUT_OF_MEMORY", "out of memory at step 3",
                null));

        confirmation(stub(2.5, 2.4, 0.01, 1), ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);
        assertEquals(2, lines(ledger, SEED, first), "the harness's failure, then the evaluation that worked");
        assertEquals(1, lines(ledger, CHILD, first), "the program's failure is its result");
        assertEquals(7, ledger.entries(EventType.CONFIRMATION).size());
    }

    @Test
    void aFlaggedHarnessFailureIsRecordedWithItsFlagAndAgainOnceItWorks(@TempDir Path dir) throws Exception {
        Ledger ledger = ledger(dir);
        Stub stub = stub(2.5, 2.4, 0.01, 1);
        AtomicInteger calls = new AtomicInteger();
        Evaluator failingFirst = new Evaluator() {
            @Override
            public EvaluationResult evaluate(Variant variant, Budget budget, long seed) {
                return calls.getAndIncrement() == 0
                        ? new EvaluationResult(EvaluationStatus.RUNTIME_ERROR, "interrupted", null, "", true)
                        : stub.evaluate(variant, budget, seed);
            }

            @Override
            public int slots() {
                return 1;
            }
        };
        confirmation(failingFirst, ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);
        long first = Confirmation.seeds(1, 3).getFirst();
        List<ConfirmationEvaluated> recorded = ledger.events(ConfirmationEvaluated.class);
        assertEquals(Boolean.TRUE, recorded.getFirst().harnessFailure(), recorded.getFirst().toString());
        assertNull(recorded.get(1).harnessFailure(), "written only when true");
        assertTrue(java.nio.file.Files.readString(ledger.file()).lines().skip(1).noneMatch(l -> l.contains("harnessFailure")));

        confirmation(stub, ledger, new ArrayList<>()).confirm(CHILD, SEED, BUDGET, 3, 1);
        assertEquals(2, lines(ledger, SEED, first), "the flag, not the reason's words, marks it");
        assertEquals(7, ledger.entries(EventType.CONFIRMATION).size());
    }
}
