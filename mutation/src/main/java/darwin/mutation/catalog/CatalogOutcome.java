package darwin.mutation.catalog;

import darwin.core.Change;
import java.util.Objects;

/** What the catalog mutator gives: a proposal, or the news that nothing is left to try. */
public sealed interface CatalogOutcome permits CatalogOutcome.Proposal, CatalogOutcome.Exhausted {

    /**
     * A change proposed from one catalog entry.
     *
     * @param entryId the entry's id, to be added to the lineage's tried entries
     * @param change reasoning, summary, tags and edits, as an LLM's reply would be parsed into
     */
    record Proposal(String entryId, Change change) implements CatalogOutcome {
        public Proposal {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(change, "change");
            if (change.edits().isEmpty()) {
                throw new IllegalArgumentException("a proposal needs edits");
            }
        }
    }

    /**
     * No entry is left for this variant.
     *
     * @param reason one line for the run's log
     * @param tried entries already tried on the lineage
     * @param notApplicable entries not tried whose anchors or bounds rule them out
     */
    record Exhausted(String reason, int tried, int notApplicable) implements CatalogOutcome {
        public Exhausted {
            Objects.requireNonNull(reason, "reason");
            if (tried < 0 || notApplicable < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }
    }
}
