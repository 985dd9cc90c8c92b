package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.trainer.cache.ResultCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalEvaluatorTest {

    private static Variant variant(int n) {
        return Variant.seed("p.Main", Map.of("program/p/Main.java", "class Main { int n = " + n + "; }"));
    }

    private static EvaluationResult ok(double loss) {
        return EvaluationResult.ok(new Metrics(loss, Math.exp(loss), 0.3, 1000, 100, 10, 50, 300, 1e11, 1, 1, "cpu()"), "");
    }

    @Test
    void runsAtMostSlotsAtOnceAndEvaluatesEachKeyOnce(@TempDir Path dir) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        LocalEvaluator evaluator = new LocalEvaluator((variant, budget, seed, logs) -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            calls.computeIfAbsent(variant.id(), id -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return ok(2.0);
        }, 2, ResultCache.under(dir), "cpu()-1t", id -> null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<EvaluationResult>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i % 4; // four distinct variants, each asked for three times
            results.add(pool.submit(() -> evaluator.evaluate(variant(n), Budget.steps(5), 1)));
        }
        for (Future<EvaluationResult> result : results) {
            assertEquals(EvaluationStatus.OK, result.get().status());
        }
        pool.shutdown();
        assertTrue(most.get() <= 2, "at most two at once, saw " + most.get());
        assertTrue(evaluator.busySeconds() >= 4 * 0.1, "four evaluations of 100 ms were busy: " + evaluator.busySeconds());
        assertTrue(evaluator.utilisation() > 0 && evaluator.utilisation() <= 1, "utilisation " + evaluator.utilisation());
        assertEquals(4, calls.size());
        calls.forEach((id, count) -> assertEquals(1, count.get(), id + " evaluated " + count.get() + " times"));
    }

    @Test
    void aRestartedEvaluatorFindsResultsOnDisk(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LocalEvaluator.SlotEvaluation counting = (variant, budget, seed, logs) -> {
            calls.incrementAndGet();
            return ok(1.9);
        };
        EvaluationResult first = new LocalEvaluator(counting, 1, ResultCache.under(dir), "cpu()-2t", id -> null)
                .evaluate(variant(1), Budget.seconds(30), 7);
        EvaluationResult again = new LocalEvaluator(counting, 1, ResultCache.under(dir), "cpu()-2t", id -> null)
                .evaluate(variant(1), Budget.seconds(30), 7);
        assertEquals(1, calls.get());
        assertEquals(first, again);
        // another seed, budget or device is another evaluation
        new LocalEvaluator(counting, 1, ResultCache.under(dir), "cpu()-2t", id -> null).evaluate(variant(1), Budget.seconds(30), 8);
        new LocalEvaluator(counting, 1, ResultCache.under(dir), "cpu()-1t", id -> null).evaluate(variant(1), Budget.seconds(30), 7);
        assertEquals(3, calls.get());
    }

    @Test
    void threadsAreSharedOutAmongSlots() {
        assertEquals(2, LocalEvaluator.threadsPerSlot(2, 1));
        assertEquals(1, LocalEvaluator.threadsPerSlot(2, 2));
        assertEquals(1, LocalEvaluator.threadsPerSlot(2, 4));
        assertEquals(4, LocalEvaluator.threadsPerSlot(16, 4));
        assertEquals(1, LocalEvaluator.defaultSlots(0));
        assertEquals(8, LocalEvaluator.defaultSlots(8));
    }

    @Test
    void theSameResultObjectComesBackFromMemory(@TempDir Path dir) throws Exception {
        LocalEvaluator evaluator = new LocalEvaluator((v, b, s, l) -> ok(2.2), 1, ResultCache.under(dir), "cpu()-2t", id -> null);
        EvaluationResult first = evaluator.evaluate(variant(3), Budget.steps(1), 1);
        assertSame(first, evaluator.evaluate(variant(3), Budget.steps(1), 1));
    }
}
