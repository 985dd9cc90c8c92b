package darwin.mutation.catalog;

import darwin.core.Edit;
import darwin.core.Variant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** How a catalog entry computes its edits for the variant at hand. */
public sealed interface Recipe permits Recipe.Replacements, Recipe.ConfigChange {

    /** The edits for this variant and a line saying what they change, or empty when the recipe has nothing to do. */
    Optional<Plan> plan(Variant current);

    /**
     * Fixed SEARCH/REPLACE pairs, each anchored on the smallest text it changes. Whether each
     * anchor is still there is the entry's check, not the recipe's.
     */
    record Replacements(List<Edit.Replace> edits) implements Recipe {
        public Replacements {
            edits = List.copyOf(edits);
            if (edits.isEmpty()) {
                throw new IllegalArgumentException("a recipe needs at least one edit");
            }
        }

        @Override
        public Optional<Plan> plan(Variant current) {
            return Optional.of(new Plan(List.copyOf(edits), ""));
        }
    }

    /**
     * A change of constants in {@code GptConfig.BABY}, computed from their current values; the
     * function answers empty when the change does not fit the current values (a constant that is
     * not a literal, or a value outside the range the entry means to try).
     */
    record ConfigChange(Function<ConfigLine, Optional<ConfigLine>> change) implements Recipe {
        public ConfigChange {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public Optional<Plan> plan(Variant current) {
            return ConfigLine.of(current)
                    .flatMap(change)
                    .filter(ConfigLine::changed)
                    .map(line -> new Plan(List.of(line.edit()), line.describeChanges()));
        }
    }

    /**
     * What a recipe gives for one variant.
     *
     * @param edits the edits, applied in order
     * @param detail what the edits set, e.g. {@code beta2 0.99 → 0.95}; empty for fixed code edits
     */
    record Plan(List<Edit> edits, String detail) {
        public Plan {
            edits = List.copyOf(edits);
            detail = Objects.requireNonNullElse(detail, "");
        }
    }
}
