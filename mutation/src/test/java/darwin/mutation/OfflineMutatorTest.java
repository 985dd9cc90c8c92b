package darwin.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.CompileCheck;
import darwin.core.LineageStep;
import darwin.core.MutationTask;
import darwin.core.Persona;
import darwin.core.Proposal;
import darwin.core.ProposalStatus;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.mutation.catalog.Catalog;
import darwin.mutation.catalog.CatalogEntry;
import darwin.mutation.catalog.CatalogMutator;
import darwin.mutation.edit.EditApplier;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.variant.SeedVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The offline mutator: the {@link MutatorContract}, and the catalog's walk down a lineage. */
class OfflineMutatorTest extends MutatorContract {

    private static final Persona PERSONA = new Persona("architecture explorer", "", List.of("architecture"));
    private static final OfflineMutator MUTATOR = new OfflineMutator(new CatalogMutator(Catalog.standard()), new EditApplier(),
            new VariantCompileCheck(SourceCompiler.forRunningJvm()));

    /** A task whose target's lineage went through the {@code tried} entries, one step each, newest first. */
    private static MutationTask task(Variant target, List<String> tried, long seed) {
        List<LineageStep> lineage = tried.reversed().stream().map(entry -> new LineageStep(1, "agent-2", entry,
                List.of("optimizer", OfflineMutator.ENTRY_TAG + entry), new LineageStep.Outcome.Unmeasured("OK"))).toList();
        return new MutationTask("agent-1", PERSONA, List.of(), target, "agent-2", Optional.empty(), lineage, List.of(),
                List.of(), Budget.seconds(30), seed);
    }

    /** A compiler that rejects every program, as one without the harness on its class path would. */
    private static final CompileCheck REJECTING = variant -> new CompileCheck.Report(List.of(new CompileCheck.SourceError(
            "program/darwin/program/GptConfig.java", 1, 1, "cannot find symbol", "")), "GptConfig.java:1: cannot find symbol");

    @Override
    protected List<Ending> endings() {
        List<String> everyEntry = Catalog.standard().entries().stream().map(CatalogEntry::id).toList();
        return List.of(
                new Ending("an applicable entry", () -> MUTATOR, task(SeedVariant.variant(), List.of(), 11),
                        ProposalStatus.PROPOSED),
                new Ending("every entry tried on the lineage", () -> MUTATOR, task(SeedVariant.variant(), everyEntry, 11),
                        ProposalStatus.NOTHING_TO_PROPOSE),
                new Ending("an entry that does not compile here", () -> new OfflineMutator(
                        new CatalogMutator(Catalog.standard()), new EditApplier(), REJECTING),
                        task(SeedVariant.variant(), List.of(), 11), ProposalStatus.DOES_NOT_COMPILE));
    }

    @Test
    void proposesCompiledChildrenUntilTheCatalogRunsOut() throws Exception {
        Variant current = SeedVariant.variant();
        List<String> tried = new ArrayList<>();
        int proposed = 0;
        while (true) {
            Proposal proposal = MUTATOR.propose(task(current, tried, 11));
            if (proposal.status() == ProposalStatus.NOTHING_TO_PROPOSE) {
                break;
            }
            assertEquals(ProposalStatus.PROPOSED, proposal.status(), proposal.reason());
            Variant child = proposal.child().orElseThrow();
            assertEquals(List.of(current.id()), child.parents());
            assertNotEquals(current.id(), child.id());
            List<String> entries = OfflineMutator.entries(proposal.change().orElseThrow());
            assertEquals(1, entries.size());
            assertTrue(!tried.contains(entries.getFirst()), "never the same entry twice on a lineage");
            tried.add(entries.getFirst());
            current = child;
            proposed++;
        }
        assertTrue(proposed >= 12, "a lineage goes through at least 12 distinct entries, got " + proposed + ": " + tried);
    }

    @Test
    void anAdvisedRequestTravelsWithTheChange() throws Exception {
        UpgradeRequest budget = new UpgradeRequest(RequestKind.BUDGET, "double the budget", "still falling steeply", "seconds-60.0");
        OfflineMutator advised = new OfflineMutator(new CatalogMutator(Catalog.standard()), new EditApplier(),
                new VariantCompileCheck(SourceCompiler.forRunningJvm()), task -> Optional.of(budget));
        Proposal proposal = advised.propose(task(SeedVariant.variant(), List.of(), 3));
        assertEquals(Optional.of(budget), proposal.change().orElseThrow().request());
        assertTrue(MUTATOR.propose(task(SeedVariant.variant(), List.of(), 3)).change().orElseThrow().request().isEmpty());
    }

    @Test
    void theSameSeedGivesTheSameProposal() throws Exception {
        Proposal a = MUTATOR.propose(task(SeedVariant.variant(), List.of(), 5));
        Proposal b = MUTATOR.propose(task(SeedVariant.variant(), List.of(), 5));
        assertEquals(a.child().orElseThrow().id(), b.child().orElseThrow().id());
    }

    @Test
    void anInterruptedCallerGetsAnInterruptedExceptionNotAnUncheckedCompilerFailure() throws Exception {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> MUTATOR.propose(task(SeedVariant.variant(), List.of(), 5)));
        } finally {
            Thread.interrupted();
        }
        assertEquals(ProposalStatus.PROPOSED, MUTATOR.propose(task(SeedVariant.variant(), List.of(), 5)).status(),
                "the compiler still works");
    }
}
