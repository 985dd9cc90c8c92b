package darwin.mutation;

import darwin.core.Change;
import darwin.core.CompileCheck;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Proposal;
import darwin.core.UpgradeRequest;
import darwin.core.ProposalStatus;
import darwin.core.Variant;
import darwin.mutation.catalog.CatalogMutator;
import darwin.mutation.catalog.CatalogOutcome;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.EditResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The mutator that needs no network: it proposes entries of the offline catalog, through the same
 * edit protocol and compile check as an LLM's replies. Deterministic: the task's seed decides.
 *
 * <p>The change's tags include {@code catalog:<entry id>}, so that the lineage of the child knows
 * which entries it has been through: a task's {@link MutationTask#lineage()} carries the tags of
 * every step to its target, and the mutator does not propose an entry found there again
 * ({@link #tried}).
 *
 * <p>Interrupts: an interrupted caller gets an {@link InterruptedException} before the compile
 * check, which the compiler would otherwise end with an unchecked exception of its file system.
 */
public final class OfflineMutator implements Mutator {

    /** The tag prefix that records a catalog entry. */
    public static final String ENTRY_TAG = "catalog:";

    private final CatalogMutator catalog;
    private final EditApplier applier;
    private final CompileCheck compiler;
    private final Function<MutationTask, Optional<UpgradeRequest>> advisor;

    /** A mutator that never asks people for anything. */
    public OfflineMutator(CatalogMutator catalog, EditApplier applier, CompileCheck compiler) {
        this(catalog, applier, compiler, task -> Optional.empty());
    }

    /**
     * @param advisor looks at the evidence around a task (the run's curves and losses, which the
     *     caller gathers, e.g. with a {@link darwin.mutation.catalog.RequestAdvisor}) and says
     *     whether the agent should also ask people for an upgrade
     */
    public OfflineMutator(CatalogMutator catalog, EditApplier applier, CompileCheck compiler,
            Function<MutationTask, Optional<UpgradeRequest>> advisor) {
        this.catalog = catalog;
        this.applier = applier;
        this.compiler = compiler;
        this.advisor = advisor;
    }

    @Override
    public Proposal propose(MutationTask task) throws InterruptedException {
        CatalogOutcome outcome = catalog.propose(task.target(), task.targetMetrics(), task.persona(), tried(task),
                new SplittableRandom(task.seed()));
        String sent = "offline catalog, for the " + task.persona().name() + ", on variant " + task.target().id();
        if (outcome instanceof CatalogOutcome.Exhausted exhausted) {
            return end(task, ProposalStatus.NOTHING_TO_PROPOSE, exhausted.reason(), Optional.empty(), null,
                    new Proposal.Round(0, sent, "", exhausted.reason()));
        }
        CatalogOutcome.Proposal proposal = (CatalogOutcome.Proposal) outcome;
        Change proposed = proposal.change();
        List<String> tags = new ArrayList<>(proposed.tags());
        tags.add(ENTRY_TAG + proposal.entryId());
        Optional<UpgradeRequest> request = proposed.request().isPresent() ? proposed.request() : advisor.apply(task);
        Change change = new Change(proposed.reasoning(), proposed.summary(), tags, proposed.edits(), request);
        String reply = "entry " + proposal.entryId() + ": " + change.summary();
        EditResult result = applier.apply(task.target(), change.edits());
        if (result instanceof EditResult.Failed failed) {
            return end(task, ProposalStatus.EDITS_DID_NOT_APPLY, failed.describe(), Optional.of(change), null,
                    new Proposal.Round(0, sent, reply, failed.describe()));
        }
        Variant edited = ((EditResult.Applied) result).variant();
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before compiling catalog entry " + proposal.entryId());
        }
        CompileCheck.Report report = compiler.check(edited);
        if (!report.ok()) {
            return end(task, ProposalStatus.DOES_NOT_COMPILE, "catalog entry " + proposal.entryId() + " does not compile here",
                    Optional.of(change), null, new Proposal.Round(0, sent, reply, report.rendered()));
        }
        Variant child = new Variant(task.target().entry(), new TreeMap<>(edited.files()), List.of(task.target().id()));
        return end(task, ProposalStatus.PROPOSED, "catalog entry " + proposal.entryId() + " applied and compiled",
                Optional.of(change), child, new Proposal.Round(0, sent, reply, ""));
    }

    /** The catalog entries a change records, from its tags. */
    public static List<String> entries(Change change) {
        return entries(change.tags());
    }

    /** The catalog entries the target of a task has been through, from the tags of every step of its lineage. */
    static Set<String> tried(MutationTask task) {
        Set<String> tried = new HashSet<>();
        task.lineage().forEach(step -> tried.addAll(entries(step.tags())));
        return tried;
    }

    private static List<String> entries(List<String> tags) {
        return tags.stream().filter(tag -> tag.startsWith(ENTRY_TAG)).map(tag -> tag.substring(ENTRY_TAG.length())).toList();
    }

    private static Proposal end(MutationTask task, ProposalStatus status, String reason, Optional<Change> change, Variant child,
            Proposal.Round round) {
        return new Proposal(task.agent(), task.target().id(), status, reason, change, Optional.ofNullable(child), List.of(round),
                0, 0, 0);
    }
}
