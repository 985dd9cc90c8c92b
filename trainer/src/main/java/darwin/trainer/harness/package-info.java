/**
 * The harness that trains a program and measures what it returns: it grants a FLOPs or equal-time
 * budget as tokens (the latter by interleaved speed probes against the seed, whose throughput on
 * this machine is calibrated once), hands out batches and counts them against the budget, logs
 * the training curve, catches every way a program can fail, and runs the returned model on the
 * scoring batches ({@code Scorer}), whose logits trusted code judges
 * ({@code darwin.trainer.measure.HeldOutEvaluator}).
 *
 * <h2>The training contract in detail</h2>
 *
 * <p>A training program implements {@code TrainingProgram}: given a {@code TrainingContext} it
 * returns a {@code LanguageModel} that maps token ids (B,T) to logits (B,T,V). The context holds
 * the device, an {@code NDManager}, a {@code Batches} source, a {@code BudgetClock}, a
 * {@code MetricsSink} and a seed.
 *
 * <p>What the harness owns, and why the program cannot fool it:
 *
 * <ul>
 *   <li><b>Data.</b> {@code Batches.next} samples random windows of the training split (nanoGPT's
 *       {@code get_batch}). The held-out split never enters the context: {@code Corpus} exposes it
 *       only as {@code HeldOutWindows}, to harness code. In the sandbox the training tokens reach
 *       the training child on its standard input and live only in the harness's memory: no file
 *       the program can open holds more text than the batches it is given.
 *   <li><b>Budget.</b> Each batch handed out is a step. Under a step budget the harness refuses the
 *       batch after the last; under a time budget it refuses once the seconds are spent; under a
 *       token budget it hands a batch out while the tokens so far are below the limit. FLOPs and
 *       equal-time budgets become token budgets before training (see "Budgets"). A program that
 *       keeps asking gets {@code BudgetExhaustedException}, which ends as a {@code RUNTIME_ERROR}.
 *       {@code progress()} is the share spent (steps, seconds or tokens), which the learning-rate
 *       schedule follows.
 *   <li><b>Counting.</b> Tokens and steps are what the harness handed out; the parameter count is
 *       summed over the returned model's arrays.
 *   <li><b>The clock.</b> Training time is every moment the program's code ran: the wall time of
 *       the {@code train} call plus the seconds the caller counted before it
 *       ({@code TrainingSession.train(..., before)}): in the sandbox, the loading of the program's
 *       classes (static initialisers) and its construction, and under a FLOPs budget the
 *       {@code newModel} that counts its FLOPs. The equal-time speed probes alone are timed apart
 *       (they are the harness's measurement of the program, with their own seconds in the grant).
 *       A time budget is spent by this clock ({@code exhausted()}, {@code progress()}), so loading
 *       slowly leaves less time to train; and a program that returns past its seconds plus
 *       {@code TimeGrace} (1 s and 5% of the budget: room for the one step an honest program
 *       begins just before the end) is a {@code TIMEOUT}, whatever it trained, as is one refused
 *       a batch by then. So a program that keeps its batches and trains on them after the budget,
 *       or that works in a static initialiser or a constructor, cannot turn time outside the budget
 *       into a better model. In process ({@code Harness}) the caller constructs the program, so
 *       the clock starts at the {@code train} call.
 *   <li><b>FLOPs.</b> 6N + 12·L·d·T from the counted parameters and the model's declared layers,
 *       width and context. A model may declare lookup tables (the position embedding) that are left
 *       out of N; a false declaration can only lower its own MFU.
 *   <li><b>Peak.</b> A matrix-multiply calibration on the device with the engine's threads: the
 *       best rate of any quarter-second window over square products of 384–2048, two rounds after a
 *       warm-up (a busy moment, such as the JVM still compiling at start-up, lowers only its own
 *       windows, and an underestimated peak would flatter every MFU;
 *       {@code darwin train --recalibrate} measures again and keeps the higher figure), cached per
 *       machine (processor, core count, threads, device) in
 *       {@code ~/.cache/darwin/peak-flops.json}, overridable with {@code --peak-flops}.
 *   <li><b>Held-out loss.</b> The held-out split cut into non-overlapping 64-token windows (1,742
 *       for tinyshakespeare), of which every second one is scored
 *       ({@code HeldOutWindows.DEFAULT_EVERY}: 871 windows, 55,744 predicted tokens) — the same
 *       windows for every variant — after training, with autograd off: {@code Scorer} runs the
 *       model on the batches of a {@code ScoringPlan} and hands on its logits as plain floats, and
 *       {@code HeldOutEvaluator} computes the loss from them in double precision. In the sandbox the
 *       two are in different processes: the scorer in the child that runs the program, the
 *       evaluator in the parent (see {@code darwin.trainer.sandbox}); in process, {@code Harness}
 *       (trusted code only) joins them directly. The sample
 *       halves the forward passes of an evaluation and scores the seed within 0.003 of the whole
 *       split (BENCHMARKS.md), well inside the ±0.01 the figure must be stable to;
 *       {@code darwin train --held-out-every 1} scores the whole split, as the reference figure for
 *       the seed was measured. Cached results record the sample in their schema (2), so a result
 *       scored on other windows is never reused.
 *   <li><b>A pure, causal model.</b> Mixed into the scoring batches, where the model cannot tell
 *       them from the windows, are windows shown again among other rows, a whole batch shown twice,
 *       and probes of real held-out text that change a window after a position t. A model whose
 *       logits for the same row differ (state carried between calls, rows mixed) or move at 0..t
 *       (a look-ahead) is a {@code VIOLATION}, whatever its loss ({@code ScoringPlan}). In the
 *       sandbox the probes are scored by a second process that never sees their windows; in
 *       process, one model scores both parts of the plan, so a model that answers from a memory
 *       of the rows it was shown passes there.
 *   <li><b>Failures.</b> Whatever the program throws becomes a result with a status and a one-line
 *       reason ({@code RUNTIME_ERROR}, {@code OUT_OF_MEMORY}, {@code DIVERGED} for a non-finite
 *       training loss or logits, {@code VIOLATION} for no model or a failed check);
 *       {@code Harness.evaluate} never throws for a program's fault. The program's own reports make
 *       only the training curve.
 * </ul>
 *
 * <h2>Budgets</h2>
 *
 * <p>{@code Budget} is a sealed interface of five kinds, each with a key for caches and file names:
 *
 * <table>
 *   <tr><th>kind</th><th>key</th><th>training ends</th></tr>
 *   <tr><td>{@code Steps(n)}</td><td>{@code steps-2000}</td><td>after n batches</td></tr>
 *   <tr><td>{@code Seconds(s)}</td><td>{@code seconds-20.0}</td><td>once s seconds of wall time are spent</td></tr>
 *   <tr><td>{@code Tokens(n)}</td><td>{@code tokens-1536000}</td><td>once n tokens are handed out (a batch goes out while fewer have)</td></tr>
 *   <tr><td>{@code Flops(f)}</td><td>{@code flops-1.0E15}</td><td>at the token limit f ÷ the model's FLOPs per token</td></tr>
 *   <tr><td>{@code EqualTime(s)}</td><td>{@code equal-time-20.0}</td><td>at the token limit s × the seed's calibrated tokens/s × the variant's speed ratio</td></tr>
 * </table>
 *
 * <p>{@code darwin run} trains 200,000 tokens per variant by default: of the kinds measured on a
 * quiet 2-core host, a token budget scattered least (the seeds' own spread, 1.4% of perplexity over
 * three seeds, against 2.8% for seconds and 3.3% for equal time; BENCHMARKS.md), gives the same
 * result for a seed whatever the host does, and needs no calibration that a busy moment could
 * spoil. {@code run.json} keeps the budget in force even at the default, so that a later default
 * cannot change a run's; a run that kept none began when 20 seconds was the default, and resumes
 * with it.
 *
 * <p><b>Why.</b> On a shared 2-core host the machine's speed swings up to 2× within minutes. Under
 * a time budget every swing becomes a difference in tokens trained, and so in perplexity: the
 * fitness is mostly the host's noise. Tokens and FLOPs fix the work outright; equal time keeps the
 * reward for faster code (the point of a time budget) while taking the host out: the seed's
 * throughput is calibrated once per machine, and the variant's speed is measured relative to the
 * seed's at the same moment, so a busy host slows both and the ratio stands.
 *
 * <p><b>Granting tokens.</b> {@code TokenGrant} turns the budget into the one the tracker counts,
 * in the process that trains (the training child, or {@code Harness} in process), before training
 * starts:
 *
 * <ul>
 *   <li><b>FLOPs.</b> The program's {@code newModel(manager, vocabulary)} builds the untrained
 *       model in a sub-manager; {@code FlopCount} gives 6N + 12·L·d·T from its counted parameters
 *       and declared architecture; the sub-manager is closed; the limit is ⌈f ÷ FLOPs per token⌉
 *       tokens. The engine's seed is set when training starts, after this, so a FLOPs budget trains
 *       exactly as the equivalent token budget (the same seed twice gives the same held-out loss;
 *       {@code HarnessTest}).
 *   <li><b>Equal time.</b> {@code SpeedProbes} runs short probes in turn, seed, variant,
 *       variant, seed, variant, seed, seed, variant (four pairs in an ABBA block, so that each
 *       program runs first in half of them and a load that falls off over the probes, such as the
 *       JIT compiling in a fresh JVM, weighs on both alike), each a {@code train()} call of its own
 *       under a step budget of one warm-up and three timed steps (three warm-up steps in each
 *       program's first probe, where its code and the engine are cold). The harness notes when each batch is asked for ({@code StepTimes}); a
 *       probe's rate is the tokens of the batches after its warm-up over the time from the first of
 *       their hand-outs to the end of the call, which counts right a program that takes batches
 *       ahead of its work (a prefetching thread) or several before an optimizer step. The ratio is
 *       the median of the pairs' ratios (the geometric mean of the middle two), which leaves out a
 *       pair that a busy moment spoiled; the spread is half the range of the pairs' ratios. (With
 *       three pairs, R V, V R, R V, and the median of each program's probes, the seed measured
 *       4–15% faster than itself: the medians compared a second place with a first.) The seed is {@code darwin.program.NanoGpt} of the
 *       harness's class path; the variant's classes, of the same names, are defined by its
 *       {@code VariantClassLoader}, so both live in one JVM ({@code EqualTimeProbesTest}). The
 *       probes cost 36 of the seed's steps and eight models built, about 2.8 s at 75 ms a step: 14%
 *       of a 20 s budget ({@code SpeedProbes}' constants say how the figure was chosen). A program
 *       with slower steps takes proportionally longer to probe; the probes also warm its code up
 *       for training.
 *   <li><b>The seed's throughput</b> ({@code ThroughputCalibration}) is calibrated once per machine
 *       by the process that starts evaluations ({@code Harness.referenceThroughput}, with the
 *       children's thread count): the seed trains for ten warm-up steps and eight windows of eight
 *       steps, and the figure is the 75th percentile of the windows' tokens/s, so that a busy
 *       moment lowers only the windows it falls into. It is cached beside the peak, keyed as the
 *       peak is (processor, cores, threads, device), in
 *       {@code ~/.cache/darwin/reference-throughput.json}; {@code darwin train --recalibrate}
 *       measures it again (with the peak) and keeps the higher figure;
 *       {@code --reference-throughput T} replaces it. The parent hands it to the training child
 *       ({@code --reference-throughput}).
 * </ul>
 *
 * <p><b>What the result records.</b> The reason of an OK result says what the budget became, such
 * as {@code 1e+15 FLOPs = 193,424 tokens at 5.170e+06 FLOPs per token}, or
 * {@code 20 s equal-time = 219,341 tokens: speed 0.997 ± 0.021 of the seed's (10,934 against 10,967 tokens/s in 4 probe pairs, 2.8 s), the seed calibrated at 11,000 tokens/s}
 * (the ratio, its spread, both programs' probe rates, the probes' seconds and the calibrated
 * figure); the metrics count the tokens actually handed out. Under equal time the speed objective
 * comes from the probes too: MFU = ratio × the seed's calibrated tokens/s × the variant's FLOPs per
 * token ÷ peak, which does not depend on how busy the host was while the variant trained (the
 * wall-clock tokens/s is still reported).
 *
 * <p><b>Known bias.</b> The seed measured against itself came out at 1.04–1.08 (two sandboxed runs
 * of {@code darwin evaluate DIR --equal-time 20} and one {@code darwin train --equal-time 20}, on a
 * 2-core host with neighbours) in the order seed, variant, seed, variant, and 1.05–1.15 in three
 * sandboxed runs with the alternating order: the variant's slot comes out a few percent fast, for a
 * reason not yet found. Every variant is measured the same way, so rankings are unaffected; the
 * granted tokens are a few percent above S × the calibrated throughput.
 *
 * <p><b>Limits.</b> The sandbox's training child gets the step budgets' wall limit under tokens,
 * FLOPs and equal time: their time depends on the program, or on how busy the host is (an
 * equal-time budget of 20 s took 21.5 s on a quiet 2-core host, and several times that when others
 * loaded it to 4 or 5 times its cores; a tighter stop would be cached as the variant's
 * {@code TIMEOUT}). A program whose speed under a small step budget differs from its speed in real
 * training is measured wrongly; LLM-written code is the threat model, and a program that games its
 * probes can only run into its time limit. The probes' batches, of the size the program asks for,
 * are not counted against its grant, so they hold no training text: uniformly random ids of the
 * vocabulary ({@code TokenGrant.probeText}), which a program may keep and learn nothing from. A
 * step's cost does not depend on which ids it is fed (embedding lookups and dense layers of the
 * same shapes), so the ratio is the one real text gives (BENCHMARKS.md). Counting them against
 * the grant instead would make the grant depend on how many tokens the program asked for while
 * it was being measured. Under step and token budgets the work a program does per batch is its
 * own: only the wall limit bounds it, and the training seconds, and so MFU, show it.
 */
package darwin.trainer.harness;
