/**
 * Evaluations on a Slurm cluster: one batch job per evaluation, behind the same slot evaluation as
 * local slots ({@code LocalEvaluator.SlotEvaluation}), so that the loop, the result cache, the
 * statuses, the signatures and resume do not change with the executor. It lives in {@code runs}
 * because the job runs darwin's own command line on its node (the hidden
 * {@code darwin evaluation-job FOLDER}), reads the run's settings and records its attempts in the
 * run's ledger; the trainer only gains {@code SignedResult}.
 *
 * <h2>An evaluation as a job</h2>
 *
 * <ol>
 *   <li><b>Name.</b> {@code SlurmExecutor.jobName}: {@code darwin-} and 16 hex digits of the SHA-256
 *       of the run's absolute directory and the result's key (variant, budget, seed, device). The
 *       same evaluation of the same run always has the same name; another run's does not.
 *   <li><b>Folder.</b> {@code JobFolder}, {@code <evaluation.slurm.shared>/<name>/}: the order
 *       ({@code JobOrder}: the key and the sandbox's settings), the variant's files, the key that signs
 *       the result ({@code secret}, mode 600, made once and kept for every attempt and resume), the
 *       batch script ({@code JobScript}: the preamble, then the loop's own {@code java} and class
 *       path, which lie on the shared home), the job's output, the children's logs and the result.
 *   <li><b>Before submitting</b>, in this order: a signed result already in the folder (a job that
 *       finished while the loop was down) is the answer; the latest attempt the ledger holds open is
 *       re-attached to if {@code squeue} still shows it queued or running; a job of the name that the
 *       scheduler holds ({@code squeue --name}) is taken as this attempt's (a submission whose answer
 *       was lost). Only then {@code sbatch --parsable}, with {@code --time} the evaluation's own limit
 *       (the budget and grace under a time budget, else the sandbox's wall limit; then the scoring's)
 *       plus {@code evaluation.slurm.time-margin}, and the partition, account, QoS, {@code --gres},
 *       CPUs, memory and extra arguments of the settings. An sbatch that fails is looked for by name
 *       before it is tried again.
 *   <li><b>On the node</b> the job runs {@code EvaluationJobCommand}: the same {@code SandboxEvaluator}
 *       (bubblewrap where it works, the same two children), the peak calibrated on that node, and the
 *       result written with {@code SignedResult} under the folder's key, atomically.
 *   <li><b>Watching.</b> The result file is looked for every 100 ms and believed only when its
 *       signature holds and it holds this key's result; the scheduler is asked every
 *       {@code evaluation.slurm.poll} ({@code squeue -t all}, then {@code sacct}, then
 *       {@code sacct --completion}; a job none of them knows has vanished). A job that ended
 *       without a result (preempted, cancelled by another, a failed node, Slurm's time limit, vanished)
 *       is submitted again, up to {@code evaluation.slurm.attempts} times, and then gives a failure of
 *       the harness (not cached: a resume tries again). A requeue by Slurm under the same id shows as
 *       a higher restart count: another attempt. A job that ended {@code COMPLETED} is given 30 s for
 *       its result to show on the shared file system before it counts as without one.
 *   <li><b>The ledger</b> records every attempt: {@code JobSubmitted}, {@code JobRerun},
 *       {@code JobFinished}, once per name and attempt ({@code JobLog}, which reads them back when a
 *       run resumes).
 *   <li><b>Stopping.</b> An interrupted wait cancels its job; a JVM that shuts down cancels the jobs
 *       still in flight ({@code scancel}). After a SIGKILL the jobs go on, and {@code darwin resume}
 *       re-attaches to them or reads what they wrote.
 * </ol>
 *
 * <p>{@code Scheduler} is the port to the batch system; {@code SlurmCommands} runs Slurm's commands,
 * each watched with a deadline and failing with a {@code SchedulerException} that carries what it
 * printed. The tests play a scheduler's faults with a stand-in and run the real thing on a
 * single-node cluster ({@code scripts/slurm-cluster.sh}).
 *
 * <p>What the signature guards: a result cut off, of another evaluation, or not written by the job.
 * The key lies in a file only the user may read; a variant inside bubblewrap cannot reach it, one
 * run without a sandbox can read what the user can, as with local slots.
 */
package darwin.runs.slurm;
