package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.core.Evaluator;
import darwin.core.Metrics;
import darwin.core.Variant;
import darwin.trainer.cache.ResultCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local evaluator over stub slot evaluations: the {@link EvaluatorContract}, slots and the
 * cache shown with latches (a slot evaluation holds until the test opens a gate), and the busy
 * time read on a ticker the test advances. Nothing here waits on the clock.
 */
@Timeout(60)
class LocalEvaluatorTest extends EvaluatorContract {

    private static final Variant BROKEN = variant(-1);

    @TempDir
    Path cacheRoot;

    private static Variant variant(int n) {
        return Variant.seed("p.Main", Map.of("program/p/Main.java", "class Main { int n = " + n + "; }"));
    }

    private static EvaluationResult ok(double loss) {
        return EvaluationResult.ok(new Metrics(loss, Math.exp(loss), 0.3, 1000, 100, 10, 50, 300, 1e11, 1, 1, "cpu()"), "");
    }

    /**
     * As the sandbox answers: figures fixed by the variant and the seed, a divergence for
     * {@link #BROKEN}, and a harness failure (which is not cached) when interrupted.
     */
    private static EvaluationResult stub(Variant variant, Budget budget, long seed, Path logs) {
        if (Thread.currentThread().isInterrupted()) {
            return EvaluationResult.harnessFailure("interrupted", "");
        }
        if (variant.equals(BROKEN)) {
            return EvaluationResult.failed(EvaluationStatus.DIVERGED, "the training loss became NaN at step 3", "");
        }
        return ok(2.0 + Math.floorMod(variant.id().hashCode() + 31 * seed, 1000) / 1000.0);
    }

    @Override
    protected Evaluator evaluator() {
        return new LocalEvaluator(LocalEvaluatorTest::stub, 2, ResultCache.under(cacheRoot), "cpu()-1t", id -> null);
    }

    @Override
    protected Variant working() {
        return variant(1);
    }

    @Override
    protected Variant broken() {
        return BROKEN;
    }

    /** Slot evaluations that count themselves and hold until the gate opens. */
    private static final class Gated implements LocalEvaluator.SlotEvaluation {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger entered = new AtomicInteger();
        final CountDownLatch twoEntered = new CountDownLatch(2);

        @Override
        public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logs) {
            entered.incrementAndGet();
            twoEntered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return EvaluationResult.harnessFailure("interrupted", "");
            }
            return ok(2.0);
        }
    }

    /** A caller of {@link LocalEvaluator#evaluate} on a thread of its own. */
    private record Caller(Thread thread, CompletableFuture<EvaluationResult> result) {

        static Caller of(LocalEvaluator evaluator, Variant variant) {
            CompletableFuture<EvaluationResult> result = new CompletableFuture<>();
            Thread thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    result.complete(evaluator.evaluate(variant, Budget.steps(5), 1));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return new Caller(thread, result);
        }

        /** Waits until the caller is parked: for a slot, for another caller's evaluation of its key, or at the gate. */
        Caller parked() throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (thread.getState() != Thread.State.WAITING && !result.isDone() && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            assertEquals(Thread.State.WAITING, thread.getState(), "the caller waits");
            return this;
        }

        EvaluationResult get() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoSlotsRunTwoEvaluationsAtOnceAndAThirdWaitsForASlot(@TempDir Path dir) throws Exception {
        Gated slots = new Gated();
        LocalEvaluator evaluator = new LocalEvaluator(slots, 2, ResultCache.under(dir), "cpu()-1t", id -> null);
        Caller first = Caller.of(evaluator, variant(1));
        Caller second = Caller.of(evaluator, variant(2));
        assertTrue(slots.twoEntered.await(30, TimeUnit.SECONDS), "two evaluations run at once");

        Caller third = Caller.of(evaluator, variant(3)).parked();
        assertEquals(2, slots.entered.get(), "the third waits for a slot, not at the gate");

        slots.gate.countDown();
        for (Caller caller : List.of(first, second, third)) {
            assertEquals(EvaluationStatus.OK, caller.get().status());
        }
        assertEquals(3, slots.entered.get());
    }

    @Test
    void evaluationsAtOnceHaveSlotsOfTheirOwn(@TempDir Path dir) throws Exception {
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch gate = new CountDownLatch(1);
        java.util.Set<Integer> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        LocalEvaluator.SlotEvaluation bySlot = new LocalEvaluator.SlotEvaluation() {
            @Override
            public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logs) {
                throw new AssertionError("the evaluator must say the slot");
            }

            @Override
            public EvaluationResult evaluate(int slot, Variant variant, Budget budget, long seed, Path logs) {
                assertTrue(busy.add(slot), "slot " + slot + " is given to one evaluation at a time");
                seen.add(slot);
                twoIn.countDown();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                busy.remove(slot);
                return ok(2.5);
            }
        };
        LocalEvaluator evaluator = new LocalEvaluator(bySlot, 2, ResultCache.under(dir), "cuda(NVIDIA H100)-1t", id -> null);
        Caller first = Caller.of(evaluator, variant(1));
        Caller second = Caller.of(evaluator, variant(2));
        assertTrue(twoIn.await(30, TimeUnit.SECONDS));
        assertEquals(java.util.Set.of(0, 1), java.util.Set.copyOf(seen), "two evaluations at once run on slots 0 and 1");
        gate.countDown();
        first.get();
        second.get();
        assertEquals(EvaluationStatus.OK, evaluator.evaluate(variant(3), Budget.seconds(30), 1).status());
        assertTrue(List.of(0, 1).contains(seen.get(2)), "a freed slot is reused");
    }

    @Test
    void aSecondCallerOfTheSameKeyWaitsForTheFirstEvaluation(@TempDir Path dir) throws Exception {
        Gated slots = new Gated();
        LocalEvaluator evaluator = new LocalEvaluator(slots, 2, ResultCache.under(dir), "cpu()-1t", id -> null);
        Caller first = Caller.of(evaluator, variant(1)).parked();
        Caller second = Caller.of(evaluator, variant(1)).parked();
        assertEquals(1, slots.entered.get(), "a free slot, yet no second evaluation of the same key");

        slots.gate.countDown();
        assertSame(first.get(), second.get());
        assertEquals(1, slots.entered.get());
    }

    @Test
    void aCallerInterruptedWhileWaitingForASlotGetsAnInterruptedExceptionAndCachesNothing(@TempDir Path dir)
            throws Exception {
        Gated slots = new Gated();
        LocalEvaluator evaluator = new LocalEvaluator(slots, 1, ResultCache.under(dir), "cpu()-1t", id -> null);
        Caller holder = Caller.of(evaluator, variant(1)).parked();
        Caller waiting = Caller.of(evaluator, variant(2)).parked();

        waiting.thread().interrupt();
        ExecutionException thrown = assertThrows(ExecutionException.class, waiting::get);
        assertTrue(thrown.getCause() instanceof InterruptedException, thrown.getCause().toString());
        assertTrue(evaluator.cached(variant(2), Budget.steps(5), 1).isEmpty());

        slots.gate.countDown();
        assertEquals(EvaluationStatus.OK, holder.get().status(), "the slot's holder is not disturbed");
        assertEquals(1, slots.entered.get());
    }

    @Test
    void busyTimeAndUtilisationAreReadOnTheTicker(@TempDir Path dir) throws Exception {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        long evaluation = Duration.ofMillis(100).toNanos();
        LocalEvaluator evaluator = new LocalEvaluator((variant, budget, seed, logs) -> {
            now.addAndGet(evaluation);
            return ok(2.0);
        }, 2, ResultCache.under(dir), "cpu()-1t", id -> null, now::get);

        evaluator.evaluate(variant(1), Budget.steps(5), 1);
        evaluator.evaluate(variant(2), Budget.steps(5), 1);
        evaluator.evaluate(variant(1), Budget.steps(5), 1); // from the cache: no slot time
        now.addAndGet(2 * evaluation); // idle, waiting for proposals

        assertEquals(0.2, evaluator.busySeconds(), 1e-12);
        assertEquals(0.2 / (0.4 * 2), evaluator.utilisation(), 1e-12, "busy slot time over two slots' wall time");
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
