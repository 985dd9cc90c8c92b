package darwin.trainer.resources;

import java.nio.file.Path;
import java.util.List;

/**
 * A variant's resources once found and checked in a store: what an evaluation or a compilation
 * uses.
 *
 * @param datasetTexts each dataset's stored text, in the manifest's order
 * @param libraryJars each library's jar in the store, in the manifest's order
 */
public record ResolvedResources(List<String> datasetTexts, List<Path> libraryJars) {

    /** Nothing: a variant without resources. */
    public static final ResolvedResources NONE = new ResolvedResources(List.of(), List.of());

    public ResolvedResources {
        datasetTexts = List.copyOf(datasetTexts);
        libraryJars = List.copyOf(libraryJars);
    }

    public boolean isEmpty() {
        return datasetTexts.isEmpty() && libraryJars.isEmpty();
    }
}
