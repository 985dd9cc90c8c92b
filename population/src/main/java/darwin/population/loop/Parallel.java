package darwin.population.loop;

import darwin.core.MutatorUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a generation's tasks (its pairings, a racing round's replicates) at once, one daemon thread
 * each, and hands back their values in the tasks' order, so that what the loop decides from them
 * never depends on which one ended first.
 */
final class Parallel {

    private Parallel() {}

    /**
     * The tasks' values, in the tasks' order.
     *
     * @throws InterruptedException when the loop or a task was interrupted
     * @throws MutatorUnavailableException when a task found the mutator's endpoint down past the run's
     *     limit: no agent's failure, the run stops and a resume asks again
     * @throws IllegalStateException for any other failure of a task: a fault of the harness
     */
    static <T> List<T> all(int generation, List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()), task -> {
            Thread thread = new Thread(task, "generation-" + generation);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    values.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    if (e.getCause() instanceof MutatorUnavailableException unavailable) {
                        throw unavailable;
                    }
                    throw new IllegalStateException("generation " + generation + " failed in the harness: " + e.getCause(),
                            e.getCause());
                }
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }
}
