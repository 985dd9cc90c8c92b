package darwin.mutation.catalog;

import darwin.core.Edit;
import darwin.core.Variant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' edit applier: each replacement must find its search text exactly once in the file as
 * the previous edits left it. Enough to check the catalog; the mutation step has its own applier.
 */
final class ExactEdits {

    private ExactEdits() {}

    /** The variant with the edits applied in order, as a child of it. */
    static Variant apply(Variant variant, List<Edit> edits) {
        Map<String, String> files = new HashMap<>(variant.files());
        for (Edit edit : edits) {
            switch (edit) {
                case Edit.Replace replace -> {
                    String text = files.get(replace.path());
                    if (text == null) {
                        throw new AssertionError("no file " + replace.path());
                    }
                    int at = text.indexOf(replace.search());
                    if (at < 0 || at != text.lastIndexOf(replace.search())) {
                        throw new AssertionError((at < 0 ? "missing" : "ambiguous") + " anchor in " + replace.path()
                                + ":\n" + replace.search());
                    }
                    files.put(replace.path(), text.substring(0, at) + replace.replace()
                            + text.substring(at + replace.search().length()));
                }
                case Edit.Write write -> files.put(write.path(), write.content());
            }
        }
        Map<String, String> changes = new HashMap<>();
        files.forEach((path, content) -> {
            if (!content.equals(variant.files().get(path))) {
                changes.put(path, content);
            }
        });
        return variant.derive(changes);
    }

    /** The variant with the entry applied. */
    static Variant apply(Variant variant, CatalogEntry entry) {
        return apply(variant, entry.edits(variant).orElseThrow(() -> new AssertionError(entry.id() + " does not apply")));
    }
}
