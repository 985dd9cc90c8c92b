package darwin.runs.slurm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import darwin.core.Budget;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.device.ThreadWait;
import darwin.trainer.process.SandboxMode;
import darwin.trainer.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a job is told to do, {@code order.json} in its folder: which evaluation (the result's key)
 * and the sandbox it runs in on the node, so that the job evaluates exactly as a local slot would.
 * The variant's files lie beside it ({@code variant/}); the key that signs the result, in a file of
 * its own that only the user may read.
 *
 * @param schema the version of this file's shape
 * @param variantId the variant's id
 * @param budget the budget's key ({@code steps-2000})
 * @param seed the evaluation's seed
 * @param device the device of the result's key
 * @param threads the training process's engine threads
 * @param threadWait how they wait ({@code spin}, {@code passive})
 * @param sandbox {@code auto}, {@code bubblewrap} or {@code none}
 * @param heap each child's {@code -Xmx}
 * @param memoryBytes each child's address-space limit; 0 for none
 * @param graceMillis the time a child gets beyond a time budget
 * @param stepLimitMillis the wall-clock limit of training under budgets other than seconds
 * @param scoreLimitMillis the wall-clock limit of scoring
 * @param resources the run's resource store, or {@code null} for none
 */
public record JobOrder(int schema, String variantId, String budget, long seed, String device, int threads,
        String threadWait, String sandbox, String heap, long memoryBytes, long graceMillis, long stepLimitMillis,
        long scoreLimitMillis, String resources) {

    /** The version of the file's shape this darwin writes and reads. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public JobOrder {
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("a job order of schema " + schema + " is not one this darwin reads ("
                    + SCHEMA + "): the job and the loop must run the same darwin");
        }
        key(variantId, budget, seed, device); // checks them
        Objects.requireNonNull(threadWait, "threadWait");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(heap, "heap");
    }

    /** The order of the evaluation {@code key} in a sandbox of {@code settings}. */
    public static JobOrder of(ResultKey key, SandboxSettings settings) {
        return new JobOrder(SCHEMA, key.variantId(), key.budget().key(), key.seed(), key.device(), settings.threads(),
                settings.threadWait().label(), settings.mode().name().toLowerCase(Locale.ROOT), settings.heap(),
                settings.memoryLimitBytes(), settings.grace().toMillis(), settings.stepBudgetLimit().toMillis(),
                settings.scoreLimit().toMillis(),
                settings.resources() == null ? null : settings.resources().toString());
    }

    /** The key of the result the job writes. */
    public ResultKey key() {
        return key(variantId, budget, seed, device);
    }

    private static ResultKey key(String variantId, String budget, long seed, String device) {
        return new ResultKey(variantId, Budget.ofKey(budget), seed, device);
    }

    /** The sandbox the job's evaluation runs in, its workspaces under {@code workRoot}. */
    public SandboxSettings sandboxSettings(Path workRoot) {
        ThreadWait wait = Arrays.stream(ThreadWait.values()).filter(w -> w.label().equals(threadWait)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + threadWait + "' is not a thread-wait policy"));
        return SandboxSettings.defaults()
                .withWorkRoot(workRoot)
                .withThreads(threads)
                .withThreadWait(wait)
                .withMode(SandboxMode.valueOf(sandbox.toUpperCase(Locale.ROOT)))
                .withMemory(heap, memoryBytes)
                .withLimits(Duration.ofMillis(graceMillis), Duration.ofMillis(stepLimitMillis), Duration.ofMillis(scoreLimitMillis))
                .withResources(resources == null ? null : Path.of(resources));
    }

    /**
     * How long the evaluation may take at most, as its sandbox limits it: the training's limit
     * (the budget and the grace under a time budget, else the wall-clock limit), then the scoring's.
     */
    public Duration evaluationLimit() {
        Duration training = Budget.ofKey(budget) instanceof Budget.Seconds seconds
                ? Duration.ofMillis((long) (seconds.seconds() * 1000) + graceMillis)
                : Duration.ofMillis(stepLimitMillis);
        return training.plusMillis(scoreLimitMillis).plusMillis(graceMillis);
    }

    byte[] toJson() throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    static JobOrder fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, JobOrder.class);
    }
}
