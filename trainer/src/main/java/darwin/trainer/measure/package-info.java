/**
 * Harness-side measurement: parameter and FLOP counting, the device's calibrated peak, MFU, and the
 * held-out scoring's plan and judge. Nothing here runs a training program's code or trusts a figure
 * it reports.
 *
 * <h2>Scoring that cannot be gamed</h2>
 *
 * <p>A model is judged by its logits alone, as plain numbers. {@code ScoringPlan} decides what it
 * is shown: every held-out window once, 32 rows to a batch, and mixed in at random places rows that
 * check it, which it cannot tell from the windows (the same shape, real held-out text): windows
 * presented again in another batch, one whole batch presented twice, and probes, copies of a window
 * whose tokens after a random position t are a run of other held-out text. The plan's seed is drawn
 * afresh for each evaluation ({@code SecureRandom}), so a program cannot know where the checks are.
 * Only the tokens ({@code ScoringBatches}) go to the code that runs the model
 * ({@code darwin.trainer.harness.Scorer}); which row is what stays here.
 *
 * <p><b>Two processes.</b> The plan has two parts, each for a scoring process of its own that
 * shares nothing with the other: the first holds every window, windows again and the batch shown
 * twice; the second one batch of 32 rows, the probes (each of another window) and windows again,
 * none of them a probed window, and no probe's replacement text overlaps a probed window. The
 * second process never sees the text a probe replaced, so a model that remembers the rows it
 * answered and answers a probe from its memory of the window (or the window from its memory of the
 * probe) has nothing to remember there: its probe's logits at t are its own, compared with the
 * first process's for the window. A window again in the second process is compared with the
 * first's too, which also catches a model whose answers depend on what it was shown before.
 *
 * <p>{@code HeldOutEvaluator} takes the logits of every batch, as floats, and gives a verdict:
 * {@code DIVERGED} for a non-finite logit; a {@code VIOLATION} when the batch shown twice got other
 * logits (state carried from one call to the next), when a window shown again among other rows did
 * (rows mixed, or state), or when a probe's logits at 0..t differ from its window's (a look ahead);
 * else the mean cross-entropy, computed with log-sum-exp in double precision and each window's loss
 * added in window order, so that neither the plan nor the order of the batches changes it.
 *
 * <p><b>Tolerance.</b> Two logits of the same row count as the same within
 * {@code 1e-3 · max(1, |a|, |b|)}. PyTorch's float32 CPU kernels give a row the same logits in
 * every batch of one shape in practice, and differ by about 1e-6 of a logit's size where they do
 * not; a cheat that stays within the tolerance moves a log-probability by at most
 * {@code 2e-3 · max(1, |logit|)}.
 *
 * <p><b>What it costs.</b> The seed's 871 windows become 29 batches in the first process (16 or
 * more windows again to fill the last batch, one batch twice) and one in the second, which starts
 * with the others and loads its engine while the variant trains; BENCHMARKS.md has the figures.
 *
 * <p><b>GPUs.</b> {@code PeakCalibration} times the same matrix products on a GPU (reading one
 * element of each product waits for it), in FP32: DJL does not turn on TF32 and the programs train in
 * FP32, so MFU on a GPU is the harness's FLOP count over that figure. The calibration is cached per
 * card ({@code Engines.machineKey} names it). {@code GpuDatasheet} sets NVIDIA's datasheet peaks
 * (FP32, and dense TF32: the datasheets quote TF32 with sparsity, twice as high) beside the measured
 * one; its figures are from NVIDIA's datasheets of the H200, H100 (SXM and PCIe), A100, L40S, L4,
 * A10, V100 and T4, and a card that is not in the table is reported by its measured peak alone.
 */
package darwin.trainer.measure;
