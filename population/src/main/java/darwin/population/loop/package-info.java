/**
 * The generation loop: rank the agents' variants, pair mutating agents with targets they do not
 * own, propose and evaluate the offspring (proposals overlapping with training), select the next
 * population, and checkpoint — every step recorded in the run's ledger and agent memories, so that
 * a run killed at any instant resumes without losing or repeating an evaluation.
 *
 * <h2>The generation loop in detail</h2>
 *
 * <p>{@code Evolution} (population) runs a run's generations over the ports of core, which
 * {@code EvolutionParts} gathers: a {@code Mutator}, an {@code Evaluator}, a {@code VariantStore}
 * (the trainer's {@code variants/<id>/} folders), a {@code VariantDiff} (the mutation side's unified
 * diff) and, through the {@code Upgrader}, a {@code ResourceManifest}; so this package compiles
 * against core, memory and Jenetics alone. Its roles are classes of their own: {@code Offspring}
 * proposes and evaluates the pairings, {@code Race} measures the close calls again,
 * {@code Attempts} records the attempts, {@code RequestDesk} files requests and applies decisions,
 * {@code Variants} keeps the variants met, {@code Parallel} runs a generation's tasks at once and
 * hands their values back in order. A generation evaluates its members (from the cache
 * after the first time), pairs mutating agents with targets they do not own ({@code Matchmaker}),
 * runs every pairing at once on a pool — each proposes and then evaluates its child, so the LLM
 * writes proposals while earlier children hold the evaluator's slots —, races the close calls,
 * selects the next population, records the attempts and rewrites {@code run.json}. The task an
 * agent receives ({@code TaskBriefing}) carries its memory digest, the target's lineage (every
 * step on the way to it as a {@code LineageStep} record: its tags, and its interval and whether it
 * was more than noise), the best peers ({@code MutationTask.Peer}), people's notes, the target's
 * mean figures, and which
 * of the agent's tasks for that target in the generation it is ({@code MutationTask.occurrence},
 * see the mutation step).
 *
 * <p><b>Noise.</b> The hosts darwin runs on change speed under it, and seed-to-seed variation alone
 * is about 1% of perplexity, as large as many real gains. So every fitness is a sample, never one
 * draw ({@code Replicates}): replicate 0 of a variant is evaluated with the run's seed (an
 * {@code EVALUATION} event), replicate r ≥ 1 with the r-th replicate seed ({@code REPLICATE}), the
 * same seeds for every variant, each a cached result of its own (the result key holds the seed).
 *
 * <ul>
 *   <li><b>Noise floor.</b> Before the first generation the seed is evaluated
 *       {@code fitness.noise-floor} times (default 3); the spread of its held-out loss and log MFU
 *       is the run's {@code NoiseFloor} ({@code run.json}, a {@code NOISE_FLOOR} event,
 *       {@code darwin status}). It is measured again when people raise the budget.
 *   <li><b>Significance.</b> A generation judges by the noise pooled over every variant measured
 *       more than once so far (the floor among them), on the log scale, fixed when the generation
 *       starts, and the margin {@code fitness.margin} (default 2 standard errors of a difference).
 *       Selection, pairing and survival use it (see "Selection"): a child replaces, dominates or
 *       enters the elite only when it is better by more than the margin.
 *   <li><b>Racing.</b> After the children's first evaluations, {@code Racing} names the candidates
 *       whose places differ between a selection on the means and one at the margin — an entrant and
 *       the incumbent it would displace — and each is evaluated once more with its next replicate
 *       seed, in parallel over the slots, until none is left or each is at {@code fitness.race-cap}
 *       replicates (default 4). Only then is the selection made.
 *   <li><b>Rungs.</b> With {@code rungs.enabled}, a child is not trained for the full budget at once
 *       ({@code Rungs}, {@code Ladder}): it is trained first at B/9 (with 3 rungs and eta 3), as soon
 *       as it is proposed, and when the generation's proposals are in, each rung closes in turn:
 *       {@code Promotion} (in {@code darwin.population.selection}) keeps about one in eta of the
 *       rung's results so far (this generation's and the earlier ones', from the ledger) and the
 *       children tied with the cut within the noise, who are trained at the next rung; who reaches
 *       B is measured like any variant (replicate 0 with the run's seed) and enters racing and
 *       selection. A rung result is a {@code RUNG} event, cached under its own budget key; each
 *       rung's decision a {@code PROMOTION} event; a child that stopped below B is recorded as
 *       {@code NOT_PROMOTED} (or its failure there) with its {@code stage} ({@code rung 1/3}) and
 *       no figures after, since a short run's figures are a prediction, not a fitness. A change
 *       tagged schedule, architecture or regularisation starts at the second rung when
 *       {@code rungs.protect} is on: short runs favour small learning rates and penalise larger
 *       models and more regularisation. The history a rung judges by is fixed when the generation
 *       begins, so a generation killed inside a rung resumes to the same promotions and trains no
 *       child twice. Ties are judged by the noise measured at the full budget (the seed's floor and
 *       every replicate), on the log scale where it is relative; at a short rung the noise is
 *       likely larger, so the tie band errs towards promoting.
 *   <li><b>Effects.</b> Each attempt is recorded with its {@code Effect}: the change of perplexity
 *       and MFU (child over target, minus one) as 95% intervals from all replicates of both and the
 *       generation's noise, and a verdict — {@code BETTER} or {@code WORSE} when the interval of
 *       the perplexity change excludes 0, {@code WITHIN_NOISE} otherwise. {@code improved} in the
 *       memory means {@code BETTER}. The {@code before} and {@code after} metrics of an attempt are
 *       the means over replicates (geometric for perplexity and MFU).
 *   <li><b>Figures.</b> Replicates' losses are averaged as logs, so a variant's perplexity is the
 *       geometric mean of its replicates' (the log scale is where the noise is about the same for
 *       every variant: a standard deviation there is a relative one, which is why the seed's floor
 *       tells the noise of the others). An MFU of 0 is floored at 1e-6 before its log is taken.
 * </ul>
 *
 * <p>With {@code fitness.noise-floor: 1}, {@code fitness.race-cap: 1} and {@code fitness.margin: 0}
 * the loop takes one draw per variant and compares means strictly, as darwin did before it measured
 * noise.
 *
 * <p><b>Determinism.</b> Every random draw comes from a stream seeded by the run's seed and what it
 * decides ({@code EvolutionPlan.seedFor}: the generation and a purpose — pairing, survival, each
 * racing round, each slot's proposal), never by arrival order. Briefings read only what earlier
 * generations recorded: a generation records its attempts, and files its upgrade requests, after
 * all of its proposals are in, in slot order; the noise a generation judges by is fixed at its
 * start. So the order in which evaluations happen to end, the number of slots and kills change no
 * decision where the figures are the same: two runs with the same settings and seed over figures
 * that do not change from run to run make the same proposals, pairings and selections and write the
 * same ledger apart from times and ids ({@code NoisyEvolutionTest}, random evaluation delays, one
 * slot against three, kills during racing). With real evaluations a deterministic budget (steps,
 * tokens, FLOPs) makes the held-out losses the same in every run, but MFU is a wall-clock
 * measurement and is not. Where the selection reads it, it reads it through the noise. Fronts are
 * by significant dominance. Crowding distances are between {@code Levels}, the means as far as the
 * noise tells them apart, so copies of one program are equally crowded whatever speeds they
 * measured. Racing measures again only what the cap could settle. So a difference of speed within
 * the noise no longer steers a decision. A difference close to the threshold still can: it is
 * significant in one run and not in the other. Which variants racing measures again still depends
 * on the speeds measured: in one trio of real runs the proposals, pairings and selections agreed,
 * and the racing replicates did not ({@code scripts/check-reproducible.sh}, BENCHMARKS.md).
 *
 * <p><b>Resume</b> is by keys, not by replaying: a proposal is keyed by generation and slot
 * ({@code g3-s1}) and looked up in the ledger before it is asked for (the ledger keeps the upgrade
 * request it carried, so a request is filed even when the run was killed between the two); an
 * evaluation is found in the result cache by variant, budget and replicate seed; an attempt is not
 * recorded twice in a memory; a ledger event is held once by its identity (the ledger ignores a
 * second append). How many replicates each variant had when a generation began is in the previous
 * {@code SELECTION} event ({@code replicates}), with the noise the generation judged by
 * ({@code noise}); racing replays the same rounds from there and finds every evaluation it already
 * made in the cache. The tests kill a run at several evaluations — during racing among them — and
 * between the selection and the checkpoint, resume it, and compare its ledger with an uninterrupted
 * run's: the same events, and no evaluation done twice. {@code RunAssembly} (runs) is the one place
 * where the modules meet: it builds the evaluator (sandbox, slots, cache under {@code variants/}),
 * the mutator (offline, or the LLM with the cost cap, price table and reply cache), the loop's
 * {@code EvolutionParts}, the selector and the plan from {@code RunSettings}.
 *
 * <h2>People in the loop</h2>
 *
 * <p>The loop talks to people only through {@code RequestDesk} (population). At the start of
 * generation g it applies every approved request in id order — {@code UpgradeReader} turns the
 * request and the value into an {@code Upgrade} (a raised budget, or a program change: files
 * written, moved, deleted, a new entry class), {@code Upgrader} derives each member's variant and
 * keeps it only where it compiles — and marks it applied at g. Requests marked applied at g are
 * applied again when g is run again after a crash, to the same members with the same result, so
 * resume stays exact. The budget in force is the configured one raised by every {@code BUDGET}
 * applied so far; the members are evaluated at it before anything else, which re-evaluates the
 * elites at the new budget. Then {@code deliver} passes every decision, application and suggestion
 * not yet passed on to the ledger ({@code DECISION}, {@code SUGGESTION}) and to the agents'
 * memories as {@code Note}s, which the prompts show. The commands that change a run
 * ({@code RequestsCommand}, {@code SuggestCommand}) check an approval with the same
 * {@code UpgradeReader} before writing it, so a value that cannot work is refused at once. A
 * {@code DATASET} or {@code LIBRARY} approval does its work then and there
 * ({@code ApprovedResources}): the text file or the allowed library's jar (from the local Maven
 * repository) goes into the run's resource store, {@code DIR/resources/}, and the approval records
 * the stored resource as a one-entry manifest; applying it lists the resource in every member's
 * {@code resources/manifest.json}, which the sandbox resolves against the store. When the budget
 * rises, the seed is measured again at the new budget, the {@code SELECTION} event records the
 * budget of its generation, and the report compares figures only at one budget.
 *
 * <p>With {@code run.await-approval}, the loop stops after a generation while any request is
 * pending and looks at the book again every 2 s ({@code RequestDesk.POLL}), through a
 * {@code Sleeper} that a test holds on a semaphore to count the looks.
 */
package darwin.population.loop;
