/**
 * Evaluates an untrusted variant in two child JVMs, one that trains it and one that scores the
 * trained weights, and evaluates variants in slots on this machine.
 *
 * <p>The parent's side: {@link darwin.trainer.sandbox.SandboxEvaluator} orchestrates one
 * evaluation (checks, compiling, the children, the result) with the parts it is made of: the
 * children's command lines ({@code ChildCommand}), their arguments and standard input
 * ({@code ChildArguments}, {@code ChildInput}), the pair of running children and their start
 * handshake ({@code ChildPair}), their signed reports ({@code ReportWatch}) and, without one, how
 * they ended ({@code UnreportedEnding}), and the logs kept of them ({@code EvaluationLogs}).
 * {@link darwin.trainer.sandbox.LocalEvaluator} runs evaluations in slots behind the result cache.
 *
 * <p>The children's side: {@link darwin.trainer.sandbox.TrainChild} and
 * {@link darwin.trainer.sandbox.ScoreChild} are the mains, which load the variant's classes in a
 * {@code VariantClassLoader} ({@code ProgramLoader}) and send back a {@code TrainReport} or a
 * {@code ScoreReport} ({@code ChildReporter}).
 *
 * <p>Between them: the reports are records mapped to JSON by {@code ReportJson}, and framed and
 * signed by {@link darwin.trainer.sandbox.ChildReport}; the weights travel in a
 * {@link darwin.trainer.sandbox.WeightsFile}; each child works in a
 * {@link darwin.trainer.sandbox.Workspace}.
 *
 * <h2>Evaluating a variant, step by step</h2>
 *
 * <p>{@code SandboxEvaluator.evaluate(variant, budget, seed)} never throws for the variant's fault:
 *
 * <ol>
 *   <li><b>Harness files.</b> Tampering is a {@code VIOLATION}. Then the variant's resources are
 *       found in the store and checked (see "Variant resources").
 *   <li><b>Two child JVMs start at once</b> ({@code TrainChild}, {@code ScoreChild}), each in its
 *       own workspace, through {@code ProcessRunner}, under {@code prlimit --as} (native memory too
 *       is bounded) with {@code -Xmx}, the engine's threads, {@code ai.djl.offline}, read-only
 *       access to the JDK, the class path and the engine's native libraries, and nothing else; the
 *       environment adds only the engine's cache folders and, with
 *       {@code evaluation.thread-wait: passive}, {@code OMP_WAIT_POLICY=PASSIVE}
 *       ({@code ThreadWait}: a child runs in a session, and so a scheduler autogroup, of its own,
 *       where a neighbour's low priority does not count, and OpenMP's spinning threads then stall
 *       about 30 times; BENCHMARKS.md). Both begin by loading the engine (the longest part of a
 *       child's start-up).
 *   <li><b>Compile</b>, meanwhile, the {@code program/} sources in process ({@code SourceCompiler})
 *       against the variant's class path and libraries (see "Compiling a variant"); errors are a
 *       {@code COMPILE_ERROR} whose reason names the first error's file and line and whose log tail
 *       is the javac-style report, and the children are stopped. A class in a package of the
 *       harness, the JDK or a library ({@code HarnessPackages.PROTECTED}) is a
 *       {@code VIOLATION}; so is a missing entry class. The classes are written to both workspaces,
 *       and once both children say their engines are loaded the training child is told to go: it
 *       loads the program and trains. Compiling while the engines load takes the compiler off the
 *       critical path, and starting the scoring child with the training child means its start-up
 *       costs no wall time and takes no cores from training.
 *   <li><b>Training child.</b> It reads a report key and then the training tokens (the corpus's
 *       training split and the variant's datasets) from a pipe on its stdin before any variant
 *       class loads ({@code ChildInput}), and closes it: no file in its workspace, and no open
 *       descriptor, holds training text, so the program gets no more of it than its batches (the
 *       {@code reads-training-split} fixture searches its workspace, the folder above and
 *       {@code /proc/self/fd}). Its clock starts before the program's classes load, so that static
 *       initialisers and the constructor count against a time budget ({@code TrainChild}). It trains with the same {@code TrainingSession} as in-process training
 *       (the harness counts steps and tokens and times the call), saves the returned parameters
 *       ({@code WeightsFile}), and prints one report line signed with the key ({@code ChildReport},
 *       HMAC-SHA256) holding a {@code TrainReport}: how the training ended ({@code Trained} with
 *       the counts, the grant and the hash of the bytes it wrote, or a {@code ReportedFailure} with
 *       its status), mapped to JSON by {@code ReportJson}. Then it creates a {@code reported}
 *       marker in its workspace and halts, whatever threads the program left. Its deadline is
 *       budget + grace (time budgets) or a wall limit (steps, tokens, FLOPs, equal time), from its
 *       start; under a time budget the parent also stops it, as a {@code TIMEOUT}, once the budget,
 *       its {@code TimeGrace} and 5 s to save and report have passed since its word to go
 *       ({@code TrainingDeadline}), by the parent's clock, which the program cannot reach. The
 *       parent does not wait for the exit (a JVM holding the engine takes 0.15–0.3 s to die): when
 *       the marker appears it reads the output once and, if a report signed with the child's key is
 *       there, stops the child at once ({@code ProcessRunner.run(spec, finished)}, ending
 *       {@code FINISHED}). A marker the program made itself leaves the child to end by itself. The
 *       same holds for the scoring child. Both frame a throw-away report on a thread of their own
 *       while the engine loads, so that the real one does not pay for loading the JSON writer and
 *       the signature; the training child also hashes 2 MiB there, so that the JIT has compiled
 *       SHA-256 (with the processor's SHA instructions) before the weights are hashed: 3 ms instead
 *       of over 100 ms for the seed's. The weights file's values are converted in bulk, not a call
 *       per value, for the same reason.
 *   <li><b>Parent.</b> No signed report ({@code UnreportedEnding}, from the process's ending, exit
 *       code and stderr): {@code TIMEOUT} at the deadline, {@code OUT_OF_MEMORY} when the JVM or
 *       the allocator said so ({@code OutOfMemoryError}, {@code Cannot allocate memory},
 *       {@code can't allocate}, {@code std::bad_alloc}) or the process was killed by the system
 *       (exit 137), else {@code RUNTIME_ERROR} (a program that called {@code System.exit}). A
 *       signed report that does not read (a field missing or of the wrong type, an unknown status,
 *       figures the records reject: negative counts, a non-finite loss) is a {@code VIOLATION}:
 *       only code in the child's JVM could sign it. A report that lacks what the budget's grant
 *       needs is a failure of the harness, as before. Weights whose hash differs from the report's
 *       are a {@code VIOLATION}; the bytes whose hash is checked are the bytes handed to the
 *       scoring child (read once). The parent hashes them after handing them over, while the
 *       scoring child reads them (the launcher's client compiler has no SHA-256 intrinsic: about 45
 *       ms for the seed's weights), and the scoring result counts only when the hashes agree.
 *   <li><b>Scoring children.</b> The parent draws a {@code ScoringPlan} with a fresh secret seed,
 *       and starts two scoring children, each in a workspace and sandbox of its own, with the
 *       training child: the first scores the plan's windows, the second its probes, which it
 *       cannot answer from a memory of their windows since it never sees them. The second runs
 *       its one batch with one engine thread ({@code ChildCommand.checking}): it runs while the first
 *       runs its many on the same cores, and a second team of spinning threads stalled both
 *       (BENCHMARKS.md). Each child reads
 *       its key and then its token rows ({@code ScoringBatches}: held-out windows and rows that
 *       check the model, which it cannot tell apart) from a pipe on its stdin before loading any
 *       variant class (nothing to reopen by a path; the rows live in a
 *       local variable; it never gets the split). It builds the untrained model with the program's
 *       {@code newModel}, loads the weights (names and shapes must match: else {@code VIOLATION}),
 *       runs the {@code Scorer}, which writes each batch's logits as float32 to its
 *       {@code LogitsFile}, and reports {@code Scored} with the FLOP count and no loss.
 *   <li><b>Judging.</b> Once both children have ended, the parent reads their logits files: only a regular
 *       file (no link followed) of exactly batches × rows × length × vocabulary values, read batch
 *       by batch into a {@code HeldOutEvaluator}; anything else is a {@code VIOLATION}. Non-finite
 *       logits are {@code DIVERGED}; a model that carries state between calls, mixes the rows of a
 *       batch or looks ahead is a {@code VIOLATION}; else the parent computes the held-out loss.
 *       Code in the child's JVM, whatever it does (a proxy {@code NDArray}, a report it forged with
 *       the key it stole), can change only the logits: a signed report's {@code valLoss}, were there
 *       one, is not read. The seed's logits are about 16 MB (30 batches of 32 × 64 × 65 floats).
 *       Batches of 32 suit a fresh process: every page of a batch's activations is faulted in the
 *       first time it is used, and 32 windows touch a quarter of what 128 do for the same speed per
 *       token (BENCHMARKS.md).
 *   <li><b>Metrics</b> are computed by the parent from the two reports and the calibrated peak.
 * </ol>
 *
 * <p>The reports are records that check themselves, written by the child mains with
 * {@code ReportWriter} (on {@code JsonObject}: no Jackson in a child) and read by the parent with
 * {@code ReportJson}: {@code TrainReport} (ending, training tokens, engine start-up seconds, the
 * curve's tail) and {@code ScoreReport} (ending {@code Scored} with the FLOP count, or
 * a failure; the scoring's timings). A {@code ReportedFailure} carries the child's
 * {@code harnessFailure} flag (a curve it could not write) into the result, so that the flag, not
 * the reason's words, keeps it out of the cache. The JSON keeps the names the benchmark script
 * reads (every {@code …Seconds} figure).
 *
 * <p>{@code SandboxEvaluator} orchestrates; the parts each have one job: {@code ChildCommand} (the
 * child's command line and process spec), {@code ChildArguments} and {@code ChildInput} (what a
 * child is told, both ways), {@code ChildPair} (the two running children on a shared pool of daemon
 * threads, the start handshake, the weights' hand-over), {@code ReportWatch} (the signed report,
 * watched for and read), {@code UnreportedEnding} (how a child without one ended) and
 * {@code EvaluationLogs} (the logs kept of them). On the child's side, {@code ChildReporter} warms
 * up the framing, sends the report, creates the {@code reported} marker and halts.
 *
 * <p><b>The children's class path</b> is an allow-list, not darwin's class path less a few jars.
 * {@code ChildClasspath} keeps an entry of this JVM's class path (manifest {@code Class-Path}s
 * spelled out) only when it holds the anchor file of a {@code ChildLibrary}: the harness (the
 * trainer module: the harness API, the harness, the child mains and the seed), darwin's core, DJL's
 * API, its PyTorch engine, JNI and native libraries, and what they need at run time (JNA, Gson,
 * SLF4J and its no-op binding, Commons Compress, IO and Codec). An entry that also holds the
 * corpus, a manifest {@code Class-Path}, or a package of a {@code ReservedLibrary} (Jackson,
 * LangChain4j, JTokkit, picocli, Caffeine, Jenetics, SnakeYAML, Commons Statistics, darwin's
 * mutation, memory, population and runs modules) is refused whole, and a missing required library
 * is an error that names it. Entries are known by what they hold, not by name, so one rule serves
 * {@code runs/target/lib/}, the Maven repository and a build's class folders; that is why this is
 * not a separate child artifact, which would need its own list in each of those layouts and could
 * not serve the trainer's own tests, which run before any later module is built. The children's own
 * code needs nothing else: they write their reports and the curve with
 * {@code darwin.trainer.json.JsonObject} (the JSON Jackson wrote, the same to any reader), and only
 * the parent reads them with Jackson ({@code ChildReport.find}). In the child, a variant's class
 * loader, which is also the thread's context class loader while it runs, refuses a class of a
 * reserved library or of darwin's own code other than the harness API with a
 * {@code ClassNotFoundException} that names the class and its library
 * ({@code VariantClassLoader.refusal}); through the system class loader such a class is simply not
 * found (the {@code loads-darwin-libraries} fixture tries all three ways). What remains reachable
 * by name at run time: the harness's internals and darwin's core (on the class path for the child's
 * own code; the system class loader lends them), and DJL's dependencies (JNA among them, which can
 * call native code, as DJL's engine can anyway).
 *
 * <p><b>The workspace is hostile.</b> A child can put anything at a name in its workspace: a link
 * to a file of the parent's (its environment, a key), a named pipe whose opening waits for a writer
 * forever, a file larger than the parent's heap. So the parent reads every file of a workspace
 * (curve, weights, markers) as an {@code UntrustedFile}: looked at without following a link, opened
 * only when it is a regular file, with {@code O_NOFOLLOW} and read-write (Linux opens a named pipe
 * read-write at once, so one swapped in after the look cannot block), and read up to a cap; a
 * refusal says what was found there, in the kept log or the reason (weights that are not a regular
 * file are a {@code VIOLATION}). The children's standard output and error go to files beside the
 * workspace ({@code Workspace.stdout()}), which a sandboxed child cannot see, let alone replace;
 * the report is looked for in at most 4 MiB of them (head and tail), and the kept logs
 * ({@code EvaluationLogs}) are at most 4 MiB each, the cut marked. The weights are handed to the
 * scoring child under a name the parent creates ({@code CREATE_NEW}, no link followed).
 *
 * <p><b>Limits.</b> Each child runs under {@code SandboxSettings.limits()} (a private {@code /tmp},
 * disk, tasks, open files; {@code darwin.trainer.process}). A child that went over one fails with a
 * {@code VIOLATION} naming it ({@code LimitFailure}): at once for what the runner sees (the disk
 * total, a fork the kernel refused), even when the child reported success, since a program could
 * catch the error and go on; from the child's own failure for what the kernel answers with an
 * error in the child ("No space left on device", "File too large", "Too many open files", "unable
 * to create native thread"). A child whose output the parent could not read (an {@code Error} in
 * the watch) ends as the program's {@code RUNTIME_ERROR}, which is cached, not as a failure of the
 * harness, which would be tried again forever.
 *
 * <p>The training child never has the held-out text within reach: the corpus lives in the
 * {@code data} jar, which {@code ChildClasspath} leaves out (with every jar whose manifest would
 * pull it back in), its input holds the training tokens alone, and under bubblewrap no path to it
 * exists. Its workspace holds the variant's classes, the handshake's markers and what it writes,
 * never text; the training tokens it holds in memory are reachable only by reflection on the
 * harness's objects. Without bubblewrap
 * ({@code --sandbox none}, or a machine where it does not work) children are plain processes: still
 * killed with all their descendants, still without the corpus on their class path, but able to read
 * and write what the user can; the result's reason says so. What the sandbox does not stop: a
 * program may use reflection on the harness objects in its own JVM (the training counts), and a
 * security provider it installs sees the report key when the harness signs (the
 * {@code forges-report} fixture) — the held-out split is out of its reach and its score is the
 * parent's, computed from its logits, but a deliberately hostile program could misreport its own
 * step count. LLM-written training code is the threat model, not an
 * attacker who targets darwin.
 *
 * <p>{@code LocalEvaluator} implements the {@code Evaluator} port: a semaphore of {@code slots}
 * (default one on a CPU machine, one per GPU), the cores shared out among them
 * ({@code threadsPerSlot}; oversubscribed cores train many times slower), and the result cache in
 * front, so that a (variant, budget, seed, device) is never evaluated twice.
 */
package darwin.trainer.sandbox;
