package darwin.mutation.catalog;

import darwin.core.Edit;
import darwin.core.Variant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One known change to the training program.
 *
 * <p>Applicability: an entry applies to a variant when its recipe has edits for it and every
 * {@link Edit.Replace} finds its search text exactly once in its file, and changes it. An entry
 * whose anchor an earlier edit removed (a second rotary embedding after the first), or whose
 * constant is already where the entry would put it, does not apply; no entry applies twice in a
 * row to its own output.
 *
 * @param id a stable, lower-case, hyphenated name, e.g. {@code rotary-embeddings}
 * @param summary one line, as a change's summary
 * @param reasoning what it changes, why it should help at this scale and budget, and what could
 *     go wrong
 * @param tags kinds of change, at least one
 * @param recipe how the edits are computed from the current variant
 */
public record CatalogEntry(String id, String summary, String reasoning, Set<CatalogTag> tags, Recipe recipe) {

    public CatalogEntry {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("an entry id is lower-case words joined by hyphens, got '" + id + "'");
        }
        if (summary == null || summary.isBlank() || summary.strip().indexOf('\n') >= 0) {
            throw new IllegalArgumentException(id + ": the summary is one non-blank line");
        }
        if (reasoning == null || reasoning.isBlank()) {
            throw new IllegalArgumentException(id + ": an entry needs its reasoning");
        }
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException(id + ": an entry needs at least one tag");
        }
        Objects.requireNonNull(recipe, "recipe");
        summary = summary.strip();
        reasoning = reasoning.strip();
        tags = Collections.unmodifiableSet(EnumSet.copyOf(tags));
    }

    /** The tags as a change writes them, in the order of {@link CatalogTag}. */
    public List<String> labels() {
        return tags.stream().map(CatalogTag::label).toList();
    }

    /** Whether this entry has edits for the variant, each anchored exactly once. */
    public boolean appliesTo(Variant current) {
        return plan(current).isPresent();
    }

    /** The edits for this variant, or empty when the entry does not apply to it. */
    public Optional<List<Edit>> edits(Variant current) {
        return plan(current).map(Recipe.Plan::edits);
    }

    /** The plan for this variant, when every edit finds its file and its one anchor. */
    Optional<Recipe.Plan> plan(Variant current) {
        Objects.requireNonNull(current, "current");
        return recipe.plan(current).filter(plan -> plan.edits().stream().allMatch(edit -> anchored(current, edit)));
    }

    private static boolean anchored(Variant current, Edit edit) {
        return switch (edit) {
            case Edit.Replace replace -> {
                String text = current.files().get(replace.path());
                int at = text == null ? -1 : text.indexOf(replace.search());
                yield at >= 0 && at == text.lastIndexOf(replace.search()) && !replace.search().equals(replace.replace());
            }
            case Edit.Write write -> !write.content().equals(current.files().get(write.path()));
        };
    }
}
