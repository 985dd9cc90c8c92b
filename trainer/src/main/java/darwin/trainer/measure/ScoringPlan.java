package darwin.trainer.measure;

import darwin.trainer.data.HeldOutWindows;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a model is shown while it is scored, and what each row of it is for: every held-out window
 * once, and mixed among them, at random places, rows that check the model without its being able
 * to tell them from the windows. Trusted code draws the plan ({@link #draw}) and keeps it; the
 * scoring processes get only their tokens ({@link #batches()}, {@link #checkBatches()}).
 *
 * <p>Two processes score a plan, each a fresh one with its own copy of the model and nothing
 * shared: the first gets {@link #batches()}, the second, which never sees those rows,
 * {@link #checkBatches()}. The rows, all of the same shape, 32 to a batch (fewer only when there
 * are fewer windows):
 *
 * <ul>
 *   <li><b>Scored</b> (first process): each held-out window once; its logits give the held-out
 *       loss.
 *   <li><b>Again</b>: a window presented a second time, in another batch among other neighbours,
 *       or in the second process. Its logits must be the first presentation's: a model that mixes
 *       the rows of a batch, or that changed since (it learned, or keeps any state from call to
 *       call), fails. At least 16 in the first process, where the last batch is filled up with
 *       more; the second process's batch is filled up with them.
 *   <li><b>Probe</b> (second process only): a copy of a window whose tokens after a random
 *       position t are replaced by other real held-out text. Its logits at positions 0..t must be
 *       the window's, as the first process gave them: a model that looks ahead fails. Up to 16, each
 *       of another window. The replacement is a run of the held-out split from a random place,
 *       so a probe reads like any window; it overlaps no probed window, and no other row of the
 *       second process is a probed window, so the second process never sees the text a probe
 *       replaced. A model that remembers what it answered, and answers a probe from its memory of
 *       the window, has no memory of it there.
 *   <li>One whole batch of the first process is presented <b>twice</b>, with the same rows in the
 *       same order: logits that differ there can only come from state carried from one call to the
 *       next.
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
    /** Windows presented again in another batch of the first process, at least; the last batch is filled up with more. */
    static final int AGAIN = 16;
    /** Tries to find a probe's replacement text that differs right after its cut and overlaps no probed window. */
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
    private final ScoringBatches checkBatches;
    private final List<Row> checkRows;
    private final int repeated;
    private final int repeat;

    private ScoringPlan(HeldOutWindows windows, ScoringBatches batches, List<List<Row>> rows, ScoringBatches checkBatches,
            List<Row> checkRows, int repeated, int repeat) {
        this.windows = windows;
        this.batches = batches;
        this.rows = rows;
        this.checkBatches = checkBatches;
        this.checkRows = checkRows;
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
        int again = Math.min(AGAIN, count);
        int fresh = count + again;
        again += (batchRows - fresh % batchRows) % batchRows;
        fresh = count + again;

        // the kinds of the rows, at random places; then the windows, in a random order
        boolean[] isAgain = new boolean[fresh];
        Arrays.fill(isAgain, count, fresh, true);
        shuffle(isAgain, random);
        int[] order = new int[count];
        Arrays.setAll(order, i -> i);
        shuffle(order, random);
        int[] batchOf = new int[count];
        int next = 0;
        for (int slot = 0; slot < fresh; slot++) {
            if (!isAgain[slot]) {
                batchOf[order[next++]] = slot / batchRows;
            }
        }

        int freshBatches = fresh / batchRows;
        List<List<Row>> planned = new ArrayList<>();
        int[] tokens = new int[(freshBatches + 1) * batchRows * length];
        next = 0;
        for (int b = 0; b < freshBatches; b++) {
            List<Row> batch = new ArrayList<>(batchRows);
            for (int r = 0; r < batchRows; r++) {
                int slot = b * batchRows + r;
                Row row = isAgain[slot] ? new Again(elsewhere(batchOf, b, random)) : new Scored(order[next++]);
                copyWindow(windows, row.window(), tokens, slot * length);
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

        // the second process's batch: probes of distinct windows, filled up with other windows again
        int probes = length >= 2 ? Math.min(PROBES, Math.min(count, batchRows) - 1) : 0;
        shuffle(order, random);
        int[] probed = Arrays.copyOf(order, probes);
        boolean[] isProbe = new boolean[batchRows];
        Arrays.fill(isProbe, 0, probes, true);
        shuffle(isProbe, random);
        int[] checkTokens = new int[batchRows * length];
        List<Row> checks = new ArrayList<>(batchRows);
        int nextProbe = 0;
        for (int r = 0; r < batchRows; r++) {
            Row row = isProbe[r]
                    ? new Probe(probed[nextProbe++], random.nextInt(length - 1))
                    : new Again(order[probes + random.nextInt(count - probes)]);
            copyWindow(windows, row.window(), checkTokens, r * length);
            if (row instanceof Probe probe) {
                replaceAfter(checkTokens, r * length, probe.cut(), length, windows, probed, random);
            }
            checks.add(row);
        }
        return new ScoringPlan(windows, new ScoringBatches(freshBatches + 1, batchRows, length, tokens),
                List.copyOf(planned), new ScoringBatches(1, batchRows, length, checkTokens), List.copyOf(checks),
                repeated, repeat);
    }

    private static void copyWindow(HeldOutWindows windows, int window, int[] tokens, int at) {
        int length = windows.length();
        long[] inputs = new long[length];
        windows.copy(new int[] {window}, 0, length, inputs, new long[length]);
        for (int t = 0; t < length; t++) {
            tokens[at + t] = (int) inputs[t];
        }
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
     * place whose first token differs from the one it replaces and that overlaps none of the
     * {@code probed} windows (where the split leaves room for one).
     */
    private static void replaceAfter(int[] tokens, int at, int cut, int length, HeldOutWindows windows, int[] probed,
            SplittableRandom random) {
        int width = length - cut - 1;
        int start = random.nextInt(windows.splitLength() - width + 1);
        int[] run = windows.passage(start, width);
        for (int tries = 0; tries < REPLACEMENT_TRIES
                && (run[0] == tokens[at + cut + 1] || overlaps(start, width, probed, windows)); tries++) {
            start = random.nextInt(windows.splitLength() - width + 1);
            run = windows.passage(start, width);
        }
        System.arraycopy(run, 0, tokens, at + cut + 1, width);
    }

    /** Whether tokens {@code start … start+width−1} of the split meet a probed window's tokens or its last target. */
    private static boolean overlaps(int start, int width, int[] probed, HeldOutWindows windows) {
        for (int window : probed) {
            int from = windows.start(window);
            if (start < from + windows.length() + 1 && from < start + width) {
                return true;
            }
        }
        return false;
    }

    private static void shuffle(boolean[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** The tokens the first scoring process is given. */
    public ScoringBatches batches() {
        return batches;
    }

    /** The tokens the second scoring process is given: the probes, and windows presented again. */
    public ScoringBatches checkBatches() {
        return checkBatches;
    }

    /** What the rows of the second process's batch {@code batch} are for. */
    public List<Row> checkRows(int batch) {
        Objects.checkIndex(batch, checkBatches.batches());
        return checkRows;
    }

    /** The held-out windows the plan scores. */
    public HeldOutWindows windows() {
        return windows;
    }

    /** What the rows of the first process's batch {@code batch} are for. */
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
