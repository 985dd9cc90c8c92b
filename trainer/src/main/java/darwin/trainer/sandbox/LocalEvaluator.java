package darwin.trainer.sandbox;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.Evaluator;
import darwin.core.Variant;
import darwin.trainer.cache.ResultCache;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.harness.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Evaluates variants on this machine in a fixed number of slots, each a sandboxed child process
 * with its share of the cores, and never evaluates the same (variant, budget, seed, device) twice:
 * results are looked up in, and added to, a {@link ResultCache}.
 *
 * <p>Concurrency: any number of threads may call {@link #evaluate}; a fair queue of slot numbers
 * lets {@link #slots()} of them run at once, each in a slot of its own (on GPUs, slot {@code i}
 * trains on GPU {@code i}: no two evaluations share a GPU), the others wait, and callers that ask for the same key
 * while it is being evaluated wait for that one evaluation instead of starting another. A caller
 * interrupted while it waits for a slot gets an {@link InterruptedException}, and nothing is cached.
 *
 * <p>Time: the busy time and the {@link #utilisation()} are read on a ticker, nanoseconds on a
 * monotonic clock ({@link System#nanoTime()} unless a test gives another).
 */
public final class LocalEvaluator implements Evaluator {

    /** One evaluation in one slot: what {@link SandboxEvaluator#evaluate} does. */
    @FunctionalInterface
    public interface SlotEvaluation {
        EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logs);

        /**
         * The evaluation in slot {@code slot} (0 to slots − 1; on a GPU plan, the slot's GPU); an
         * evaluation that does not care which slot it has need not say.
         */
        default EvaluationResult evaluate(int slot, Variant variant, Budget budget, long seed, Path logs) {
            return evaluate(variant, budget, seed, logs);
        }
    }

    private final SlotEvaluation sandbox;
    private final ResultCache cache;
    private final BlockingQueue<Integer> free; // the numbers of the free slots
    private final int slots;
    private final String device;
    private final Function<String, Path> logs;
    private final LongSupplier ticker;
    private final long created;
    private final ConcurrentHashMap<ResultKey, CompletableFuture<EvaluationResult>> inFlight = new ConcurrentHashMap<>();
    private long busyNanos;

    /**
     * @param sandbox evaluates one variant (a {@link SandboxEvaluator}, whose settings give each
     *     slot's threads: see {@link #threadsPerSlot})
     * @param slots how many evaluations run at once
     * @param cache where results are kept
     * @param logs the folder for each variant id's logs, or a function returning {@code null}
     */
    public LocalEvaluator(SandboxEvaluator sandbox, int slots, ResultCache cache, String device,
            Function<String, Path> logs, TrainingListener listener) {
        this(new SlotEvaluation() {
            @Override
            public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logFolder) {
                return evaluate(0, variant, budget, seed, logFolder);
            }

            @Override
            public EvaluationResult evaluate(int slot, Variant variant, Budget budget, long seed, Path logFolder) {
                return sandbox.evaluate(variant, budget, seed, listener == null ? TrainingListener.NONE : listener, logFolder,
                        slot);
            }
        }, slots, cache, device, logs);
    }

    /** An evaluator over any slot evaluation (tests give a fake one). */
    public LocalEvaluator(SlotEvaluation sandbox, int slots, ResultCache cache, String device, Function<String, Path> logs) {
        this(sandbox, slots, cache, device, logs, System::nanoTime);
    }

    /**
     * An evaluator that times its slots on {@code ticker}: a test advances a fake one to know the
     * busy time exactly.
     *
     * @param ticker nanoseconds on a monotonic clock
     */
    public LocalEvaluator(SlotEvaluation sandbox, int slots, ResultCache cache, String device, Function<String, Path> logs,
            LongSupplier ticker) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one slot is needed, got " + slots);
        }
        this.sandbox = sandbox;
        this.slots = slots;
        this.cache = cache;
        this.free = new ArrayBlockingQueue<>(slots, true);
        for (int slot = 0; slot < slots; slot++) {
            free.add(slot);
        }
        this.device = device;
        this.logs = logs;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.created = ticker.getAsLong();
    }

    /** The default number of slots: one per GPU, or one on a CPU machine. */
    public static int defaultSlots(int gpus) {
        return Math.max(1, gpus);
    }

    /**
     * The engine threads each slot's training process gets: the cores shared out evenly. Giving
     * every slot all the cores oversubscribes them, which made training many times slower in
     * measurements (BENCHMARKS.md).
     */
    public static int threadsPerSlot(int cores, int slots) {
        return Math.max(1, cores / Math.max(1, slots));
    }

    /** The key under which a result of this evaluator is cached. */
    public ResultKey key(Variant variant, Budget budget, long seed) {
        return new ResultKey(variant.id(), budget, seed, device);
    }

    /** The cached result, if this evaluation was done before. */
    public Optional<EvaluationResult> cached(Variant variant, Budget budget, long seed) {
        return cache.get(key(variant, budget, seed));
    }

    @Override
    public EvaluationResult evaluate(Variant variant, Budget budget, long seed) throws InterruptedException {
        return evaluate(variant, budget, seed, logs.apply(variant.id()));
    }

    /** Evaluates with the children's logs and the curve going to {@code logFolder} (or nowhere, when {@code null}). */
    public EvaluationResult evaluate(Variant variant, Budget budget, long seed, Path logFolder) throws InterruptedException {
        ResultKey key = key(variant, budget, seed);
        Optional<EvaluationResult> known = cache.get(key);
        if (known.isPresent()) {
            return known.get();
        }
        // one evaluation per key at a time: a second caller waits for the first one's result
        CompletableFuture<EvaluationResult> mine = new CompletableFuture<>();
        CompletableFuture<EvaluationResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        try {
            EvaluationResult result = inSlot(key, variant, budget, seed, logFolder);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error | InterruptedException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private EvaluationResult inSlot(ResultKey key, Variant variant, Budget budget, long seed, Path logFolder)
            throws InterruptedException {
        int slot = free.take();
        try {
            Optional<EvaluationResult> known = cache.get(key); // another slot may have finished it meanwhile
            if (known.isPresent()) {
                return known.get();
            }
            long start = ticker.getAsLong();
            EvaluationResult result;
            try {
                result = sandbox.evaluate(slot, variant, budget, seed, logFolder);
            } finally {
                addBusy(ticker.getAsLong() - start);
            }
            try {
                cache.put(key, result);
            } catch (IOException e) {
                System.getLogger(LocalEvaluator.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot cache the result of " + variant.id() + ": " + e.getMessage());
            }
            return result;
        } finally {
            free.add(slot);
        }
    }

    @Override
    public int slots() {
        return slots;
    }

    /**
     * The share of wall time the slots have spent evaluating since this evaluator was made: the
     * busy time of all slots over their number times the elapsed time. A slot waiting for an LLM
     * to propose the next variant is idle.
     */
    public synchronized double utilisation() {
        double elapsed = ticker.getAsLong() - created;
        return elapsed <= 0 ? 0 : Math.min(1, busyNanos / (elapsed * slots));
    }

    /** Seconds all slots together spent evaluating. */
    public synchronized double busySeconds() {
        return busyNanos / 1e9;
    }

    private synchronized void addBusy(long nanos) {
        busyNanos += nanos;
    }
}
