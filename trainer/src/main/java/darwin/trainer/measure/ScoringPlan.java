package darwin.trainer.measure;

import darwin.trainer.data.HeldOutWindows;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a model is shown while it is scored, and what each row of it is for: every held-out window
 * once, and mixed among them, at random places, rows that check the model without its being able
 * to tell them from the windows. Trusted code draws the plan ({@link #draw}) and keeps it; the
 * scoring process gets only its {@link #batches() tokens}.
 *
 * <p>The rows, all of the same shape, 32 to a batch (fewer only when there are fewer windows):
 *
 * <ul>
 *   <li><b>Scored</b>: each held-out window once; its logits give the held-out loss.
 *   <li><b>Again</b>: a window presented a second time, in another batch, among other
 *       neighbours. Its logits must be the first presentation's: a model that mixes the rows of a
 *       batch, or that changed since (it learned, or keeps any state from call to call), fails.
 *       At least 16; the last batch is filled up with more.
 *   <li><b>Probe</b>: a copy of a window whose tokens after a random position t are replaced by
 *       other real held-out text. Its logits at positions 0..t must be the window's: a model that
 *       looks ahead fails. 16 of them. The replacement is a run of the held-out split from a random
 *       place, so a probe reads like any window.
 *   <li>One whole batch is presented <b>twice</b>, with the same rows in the same order: logits that
 *       differ there can only come from state carried from one call to the next.
 * </ul>
 *
 * <p>The batches come in a random order. The plan is drawn from a seed the parent draws afresh for
 * every evaluation, so a program cannot know which rows check it; the loss does not depend on the
 * order (each window's loss is added up in window order), and every batch has the same shape, so
 * that an honest model's logits for a window are the same whatever the draw.
 */
public final class ScoringPlan {

    /** Rows per batch: a fresh process faults in every new page of activations, and 32 windows touch a quarter of what 128 do (BENCHMARKS.md). */
    public static final int BATCH_ROWS = 32;
    /** Probes per plan, at most one per window. */
    static final int PROBES = 16;
    /** Windows presented again in another batch, at least; the last batch is filled up with more. */
    static final int AGAIN = 16;
    /** Tries to find a probe's replacement text that differs right after its cut. */
    private static final int REPLACEMENT_TRIES = 64;

    /** What a row is for. */
    public sealed interface Row permits Scored, Again, Probe {
        /** The held-out window the row is a copy of, or is. */
        int window();
    }

    /** A held-out window, scored. */
    public record Scored(int window) implements Row {}

    /** A held-out window presented a second time, in another batch. */
    public record Again(int window) implements Row {}

    /** A held-out window whose tokens after {@code cut} are other held-out text. */
    public record Probe(int window, int cut) implements Row {}

    private final HeldOutWindows windows;
    private final ScoringBatches batches;
    private final List<List<Row>> rows;
    private final int repeated;
    private final int repeat;

    private ScoringPlan(HeldOutWindows windows, ScoringBatches batches, List<List<Row>> rows, int repeated, int repeat) {
        this.windows = windows;
        this.batches = batches;
        this.rows = rows;
        this.repeated = repeated;
        this.repeat = repeat;
    }

    /** Draws a plan for scoring on {@code windows} from a seed no one can know in advance. */
    public static ScoringPlan draw(HeldOutWindows windows) {
        return draw(windows, new SecureRandom().nextLong());
    }

    /** Draws a plan for scoring on {@code windows} from {@code seed} (for tests: a known seed is a known plan). */
    public static ScoringPlan draw(HeldOutWindows windows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = windows.count();
        int length = windows.length();
        int batchRows = Math.min(BATCH_ROWS, count);
        int probes = length >= 2 ? Math.min(PROBES, count) : 0;
        int again = Math.min(AGAIN, count);
        int fresh = count + probes + again;
        again += (batchRows - fresh % batchRows) % batchRows;
        fresh = count + probes + again;

        // the kinds of the rows, at random places; then the windows, in a random order
        int[] kinds = new int[fresh];
        Arrays.fill(kinds, count, count + probes, 1);
        Arrays.fill(kinds, count + probes, fresh, 2);
        shuffle(kinds, random);
        int[] order = new int[count];
        Arrays.setAll(order, i -> i);
        shuffle(order, random);
        int[] batchOf = new int[count];
        int next = 0;
        for (int slot = 0; slot < fresh; slot++) {
            if (kinds[slot] == 0) {
                batchOf[order[next++]] = slot / batchRows;
            }
        }

        int freshBatches = fresh / batchRows;
        List<List<Row>> planned = new ArrayList<>();
        int[] tokens = new int[(freshBatches + 1) * batchRows * length];
        long[] inputs = new long[length];
        long[] targets = new long[length];
        next = 0;
        for (int b = 0; b < freshBatches; b++) {
            List<Row> batch = new ArrayList<>(batchRows);
            for (int r = 0; r < batchRows; r++) {
                int slot = b * batchRows + r;
                Row row = switch (kinds[slot]) {
                    case 0 -> new Scored(order[next++]);
                    case 1 -> new Probe(random.nextInt(count), random.nextInt(length - 1));
                    default -> new Again(elsewhere(batchOf, b, random));
                };
                windows.copy(new int[] {row.window()}, 0, length, inputs, targets);
                int at = slot * length;
                for (int t = 0; t < length; t++) {
                    tokens[at + t] = (int) inputs[t];
                }
                if (row instanceof Probe probe) {
                    replaceAfter(tokens, at, probe.cut(), length, windows, random);
                }
                batch.add(row);
            }
            planned.add(List.copyOf(batch));
        }
        // one batch again, as it was, at a random place among the others
        int repeated = random.nextInt(freshBatches);
        int repeat = random.nextInt(freshBatches + 1);
        int[] copy = Arrays.copyOfRange(tokens, repeated * batchRows * length, (repeated + 1) * batchRows * length);
        int from = repeat * batchRows * length;
        System.arraycopy(tokens, from, tokens, from + copy.length, freshBatches * batchRows * length - from);
        System.arraycopy(copy, 0, tokens, from, copy.length);
        planned.add(repeat, planned.get(repeated));
        if (repeat <= repeated) {
            repeated++;
        }
        return new ScoringPlan(windows, new ScoringBatches(freshBatches + 1, batchRows, length, tokens),
                List.copyOf(planned), repeated, repeat);
    }

    /** A window scored in a batch other than {@code batch}, where there is one. */
    private static int elsewhere(int[] batchOf, int batch, SplittableRandom random) {
        int window = random.nextInt(batchOf.length);
        for (int tries = 0; tries < 64 && batchOf[window] == batch; tries++) {
            window = random.nextInt(batchOf.length);
        }
        return window;
    }

    /**
     * Replaces the row's tokens after {@code cut} by a run of the held-out split from a random
     * place whose first token differs from the one it replaces.
     */
    private static void replaceAfter(int[] tokens, int at, int cut, int length, HeldOutWindows windows,
            SplittableRandom random) {
        int width = length - cut - 1;
        int[] run = windows.passage(random.nextInt(windows.splitLength() - width + 1), width);
        for (int tries = 0; tries < REPLACEMENT_TRIES && run[0] == tokens[at + cut + 1]; tries++) {
            run = windows.passage(random.nextInt(windows.splitLength() - width + 1), width);
        }
        System.arraycopy(run, 0, tokens, at + cut + 1, width);
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The tokens the scoring process is given. */
    public ScoringBatches batches() {
        return batches;
    }

    /** The held-out windows the plan scores. */
    public HeldOutWindows windows() {
        return windows;
    }

    /** What the rows of batch {@code batch} are for. */
    public List<Row> rows(int batch) {
        return rows.get(batch);
    }

    /** The batch that is presented twice: its first presentation. */
    public int repeated() {
        return repeated;
    }

    /** The batch that is presented twice: its second presentation. */
    public int repeat() {
        return repeat;
    }
}
