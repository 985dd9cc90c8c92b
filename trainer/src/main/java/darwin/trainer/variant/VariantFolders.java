package darwin.trainer.variant;

import darwin.core.Variant;
import darwin.core.VariantStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A run's variants kept one folder each, {@code <root>/<id>/}, in the {@link VariantDirectory}
 * layout the sandbox reads; a variant is written beside whatever the folder already holds (the
 * results and logs of evaluations kept before it). A folder counts as a variant once its
 * {@value VariantDirectory#METADATA} is there, which is written last.
 *
 * <p>Thread safety: {@link #store} is synchronized, so that two proposals of the same child write
 * its folder once.
 */
public final class VariantFolders implements VariantStore {

    private final Path root;

    /** @param root the folder that holds one folder per variant, such as a run's {@code variants/} */
    public VariantFolders(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public synchronized void store(Variant variant) {
        Path dir = root.resolve(variant.id());
        if (Files.exists(dir.resolve(VariantDirectory.METADATA))) {
            return;
        }
        try {
            VariantDirectory.writeBesideResults(variant, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write variant " + variant.id() + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Variant read(String id) {
        return VariantDirectory.read(root.resolve(id));
    }

    @Override
    public boolean contains(String id) {
        return Variant.isId(id) && Files.isRegularFile(root.resolve(id).resolve(VariantDirectory.METADATA));
    }
}
