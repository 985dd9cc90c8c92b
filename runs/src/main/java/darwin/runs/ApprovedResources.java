package darwin.runs;

import darwin.core.RequestKind;
import darwin.core.text.TerminalText;
import darwin.memory.Request;
import darwin.trainer.data.Corpus;
import darwin.trainer.resources.DatasetAdded;
import darwin.trainer.resources.LibraryRef;
import darwin.trainer.resources.ResourceApprovals;
import darwin.trainer.resources.ResourceException;
import darwin.trainer.resources.ResourceStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a person's approval of a {@code DATASET} or {@code LIBRARY} request puts in the run's
 * resource store, checked then and there: the text file (filtered to the corpus's characters, the
 * count of those dropped said), or the library's jar, found in the local Maven repository by
 * coordinates that must be on the run's allowed list. The approval records the stored resource.
 */
final class ApprovedResources {

    private ApprovedResources() {}

    /** The value the approval records, after storing the resource. */
    static String store(RunFiles files, Request request, String with, PrintWriter out) {
        ResourceStore store = ResourceStore.at(files.run().resources());
        try {
            if (request.kind() == RequestKind.DATASET) {
                if (with == null || with.isBlank()) {
                    throw new IllegalArgumentException("a DATASET request is approved with the text file to add: approve "
                            + request.id() + " --with FILE");
                }
                DatasetAdded added = store.addDataset(Path.of(with), Corpus.tinyShakespeare().tokenizer());
                out.println(TerminalText.line(String.format(Locale.ROOT, "stored %s%s", added.ref().describe(),
                        added.dropped() == 0 ? "" : String.format(Locale.ROOT,
                                "; %,d characters outside the corpus's vocabulary were dropped (%s)", added.dropped(),
                                added.droppedCharacters()))));
                return ResourceApprovals.value(added.ref());
            }
            String coordinates = (with == null || with.isBlank() ? request.payload() : with).strip();
            List<String> allowed = files.settings().run().libraries();
            if (!allowed.contains(coordinates)) {
                throw new IllegalArgumentException("'" + coordinates + "' is not on the run's allowed list of libraries "
                        + allowed + " (the setting run.libraries); approve " + request.id() + " --with one of them");
            }
            Path jar = jar(files.settings().run().mavenRepository(), coordinates);
            LibraryRef ref = store.addLibrary(coordinates, jar);
            out.println(TerminalText.line("stored " + ref.describe() + " from " + jar));
            return ResourceApprovals.value(ref);
        } catch (ResourceException e) {
            throw new IllegalArgumentException("request " + request.id() + " cannot be approved: " + e.getMessage(), e);
        }
    }

    /** Where a local Maven repository keeps the jar of {@code group:artifact:version}. */
    static Path jar(Path repository, String coordinates) {
        String[] parts = coordinates.split(":");
        Path jar = repository.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2])
                .resolve(parts[1] + "-" + parts[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(coordinates + " is not in the local Maven repository (no " + jar
                    + "); fetch it with: ./mvnw dependency:get -Dartifact=" + coordinates);
        }
        return jar;
    }
}
