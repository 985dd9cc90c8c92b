package darwin.trainer.variant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder trees the harness makes and removes: variant staging folders, evaluation workspaces. */
public final class FileTrees {

    private FileTrees() {}

    /**
     * Deletes a folder and everything in it, as far as it can: what cannot be deleted is left, and
     * nothing is thrown, since a leftover temporary folder harms nothing.
     */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // keep going: the rest may still go
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the walk itself failed: nothing more to do
        }
    }
}
