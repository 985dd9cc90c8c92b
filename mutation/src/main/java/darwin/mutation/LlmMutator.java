package darwin.mutation;

import darwin.core.Change;
import darwin.core.CompileCheck;
import darwin.core.Edit;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Proposal;
import darwin.core.ProposalStatus;
import darwin.core.Variant;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.EditResult;
import darwin.mutation.llm.Completion;
import darwin.mutation.llm.CompletionRequest;
import darwin.mutation.llm.Deadline;
import darwin.mutation.llm.FailureKind;
import darwin.mutation.llm.LlmClient;
import darwin.mutation.prompt.Prompt;
import darwin.mutation.prompt.PromptBuilder;
import darwin.mutation.reply.ParseResult;
import darwin.mutation.reply.ReplyParser;
import darwin.mutation.reply.ReplySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A mutator that asks an LLM: it builds the prompt, parses the reply, applies the edits, compiles
 * the result at once and, when any of these fails, sends the problem back for a bounded number of
 * repair rounds. Every round is recorded in the {@link Proposal}.
 *
 * <p>Repairs: an unparsable reply or edits that do not apply are asked for again against the same
 * program (nothing was applied). Edits that applied but do not compile stay applied: the next
 * round shows the edited files with the compiler's diagnostics, and its edits apply on top, so a
 * model fixes a typo with a small edit instead of repeating its whole change. The child is always
 * a child of the target, however many rounds it took. Every round's message is new — it names the
 * round and what failed in each round before ({@link Repairs}) — and its request carries the round,
 * so a model that repeats a reply word for word is still asked again rather than answered from the
 * reply cache; the repair section stays within the prompt budget's share for it, however long the
 * reply it quotes.
 *
 * <p>Thread safety: immutable; one instance serves all agents at once.
 */
public final class LlmMutator implements Mutator {

    private final LlmClient client;
    private final PromptBuilder prompts;
    private final EditApplier applier;
    private final CompileCheck compiler;
    private final MutationSettings settings;

    public LlmMutator(LlmClient client, PromptBuilder prompts, EditApplier applier, CompileCheck compiler,
            MutationSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Proposal propose(MutationTask task) throws InterruptedException {
        Prompt prompt = prompts.build(task);
        Repairs repairs = new Repairs(prompt.user(), prompts.budget().repair(), settings.repairRounds());
        Tally tally = new Tally(task);
        Optional<Repairs.Applied> pending = Optional.empty();
        Repairs.Retry retry = null;
        List<Edit> applied = new ArrayList<>();
        Change first = null;
        for (int round = 0; round <= settings.repairRounds(); round++) {
            interrupted("before asking the model");
            String user = round == 0 ? prompt.user() : repairs.message(round, tally.failures(), retry);
            Variant base = pending.map(Repairs.Applied::edited).orElse(task.target());
            CompletionRequest request = new CompletionRequest(task.agent(), prompt.system(), user, settings.model(),
                    settings.temperature(), settings.maxOutputTokens(),
                    settings.structuredOutput() ? Optional.of(ReplySchema.text()) : Optional.empty(),
                    Deadline.after(settings.deadline()), round);
            Completion completion = client.complete(request);
            tally.spend(completion);
            if (completion instanceof Completion.Failed failed) {
                if (failed.kind() == FailureKind.INTERRUPTED) {
                    Thread.interrupted();
                    throw new InterruptedException("interrupted while asking the model: " + failed.message());
                }
                String problem = failed.kind() + ": " + failed.message();
                tally.round(round, user, failed.partialText(), problem);
                if (failed.kind() == FailureKind.TRUNCATED && round < settings.repairRounds()) {
                    tally.failed(ProposalStatus.LLM_FAILED, problem);
                    retry = new Repairs.Again(failed.partialText(), "Your reply was cut off at the output limit of "
                            + settings.maxOutputTokens() + " tokens. Propose a smaller change, with shorter reasoning"
                            + " and SEARCH texts.", pending);
                    continue;
                }
                ProposalStatus status = failed.kind() == FailureKind.COST_CAP ? ProposalStatus.COST_CAP : ProposalStatus.LLM_FAILED;
                return tally.end(status, problem, Optional.ofNullable(first), null);
            }
            String reply = ((Completion.Replied) completion).text();
            ParseResult parsed = ReplyParser.parse(reply);
            if (parsed instanceof ParseResult.Refused refused) {
                tally.round(round, user, reply, refused.why());
                return tally.end(ProposalStatus.LLM_FAILED, refused.why(), Optional.ofNullable(first), null);
            }
            if (parsed instanceof ParseResult.Unparsable unparsable) {
                tally.round(round, user, reply, unparsable.why());
                tally.failed(ProposalStatus.UNPARSABLE, unparsable.why());
                retry = new Repairs.Again(reply, "Your reply could not be read: " + unparsable.why(), pending);
                continue;
            }
            Change change = ((ParseResult.Parsed) parsed).change();
            if (first == null) {
                first = change;
            }
            if (change.edits().isEmpty()) {
                tally.round(round, user, reply, "");
                return tally.end(ProposalStatus.REQUEST_ONLY, "the reply asks people for an upgrade and proposes no edit",
                        Optional.of(merge(first, applied, change)), null);
            }
            EditResult result = applier.apply(base, change.edits());
            if (result instanceof EditResult.Failed notApplied) {
                String problem = notApplied.describe();
                tally.round(round, user, reply, problem);
                tally.failed(ProposalStatus.EDITS_DID_NOT_APPLY, problem);
                retry = new Repairs.Again(reply, problem, pending);
                continue;
            }
            Variant edited = ((EditResult.Applied) result).variant();
            if (edited.files().equals(task.target().files())) {
                String problem = "The edits change nothing: the program is the same as before.";
                tally.round(round, user, reply, problem);
                tally.failed(ProposalStatus.EDITS_DID_NOT_APPLY, problem);
                pending = Optional.empty();
                retry = new Repairs.Again(reply, problem, pending);
                applied.clear();
                continue;
            }
            applied.addAll(change.edits());
            interrupted("before compiling the edited program");
            CompileCheck.Report report = compiler.check(edited);
            if (!report.ok()) {
                String problem = "Your edits were applied, but the program does not compile:\n" + report.rendered();
                tally.round(round, user, reply, problem);
                tally.failed(ProposalStatus.DOES_NOT_COMPILE, report.errors().size() + " compile errors, first: "
                        + report.errors().getFirst().path() + ":" + report.errors().getFirst().line() + ": "
                        + report.errors().getFirst().message().lines().findFirst().orElse(""));
                pending = Optional.of(new Repairs.Applied(task.target(), edited, report.rendered()));
                retry = new Repairs.Fix(reply, pending.get());
                continue;
            }
            tally.round(round, user, reply, "");
            Variant child = new Variant(task.target().entry(), new TreeMap<>(edited.files()), List.of(task.target().id()));
            return tally.end(ProposalStatus.PROPOSED, round == 0 ? "proposed, applied and compiled"
                    : "proposed, applied and compiled after " + round + (round == 1 ? " repair round" : " repair rounds"),
                    Optional.of(merge(first, applied, change)), child);
        }
        return tally.end(tally.lastStatus(), tally.lastProblem() + " (after " + settings.repairRounds() + " repair rounds)",
                Optional.ofNullable(first), null);
    }

    /**
     * Throws when the thread is interrupted: an interrupted proposal is no agent's failure, so
     * nothing is recorded and a resumed run asks for it again.
     */
    private static void interrupted(String when) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted " + when);
        }
    }

    /** The change as recorded: the first reply's reasoning and summary, every edit that was applied. */
    private static Change merge(Change first, List<Edit> applied, Change last) {
        List<Edit> edits = applied.isEmpty() ? last.edits() : applied;
        return new Change(first.reasoning(), first.summary(), first.tags(), edits,
                last.request().isPresent() ? last.request() : first.request());
    }

    /** What the rounds of one proposal spent and recorded. */
    private static final class Tally {
        private final MutationTask task;
        private final List<Proposal.Round> rounds = new ArrayList<>();
        private long inputTokens;
        private long outputTokens;
        private double cost;
        private final List<String> failures = new ArrayList<>();
        private ProposalStatus lastStatus = ProposalStatus.LLM_FAILED;
        private String lastProblem = "no reply";

        Tally(MutationTask task) {
            this.task = task;
        }

        void spend(Completion completion) {
            switch (completion) {
                case Completion.Replied r -> add(r.usage().inputTokens(), r.usage().outputTokens(), r.cost());
                case Completion.Failed f -> add(f.usage().inputTokens(), f.usage().outputTokens(), f.cost());
            }
        }

        private void add(long in, long out, double dollars) {
            inputTokens += in;
            outputTokens += out;
            cost += dollars;
        }

        void round(int number, String sent, String reply, String problem) {
            rounds.add(new Proposal.Round(number, sent, reply, problem));
        }

        void failed(ProposalStatus status, String problem) {
            failures.add(problem);
            lastStatus = status;
            lastProblem = problem;
        }

        /** What failed in each round so far, one entry a round. */
        List<String> failures() {
            return List.copyOf(failures);
        }

        ProposalStatus lastStatus() {
            return lastStatus;
        }

        String lastProblem() {
            return lastProblem;
        }

        Proposal end(ProposalStatus status, String reason, Optional<Change> change, Variant child) {
            return new Proposal(task.agent(), task.target().id(), status, reason, change, Optional.ofNullable(child), rounds,
                    inputTokens, outputTokens, cost);
        }
    }
}
