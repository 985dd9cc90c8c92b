package darwin.trainer.cache;

import com.fasterxml.jackson.core.JacksonException;
import darwin.core.EvaluationResult;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The disk level of the cache: one JSON file per key, {@code <variantDir>/results/<key>.json}.
 *
 * <p>A file is written to a temporary file in the same folder and moved into place atomically,
 * so a reader sees the old file or the new one, never half of one. A file that cannot be read, is
 * not a result, or holds another key's result is a miss, reported as a warning that names it.
 */
final class ResultFiles {

    /** The folder, inside a variant's directory, that holds its results. */
    static final String FOLDER = "results";

    private static final System.Logger LOG = System.getLogger(ResultCache.class.getName());

    private final Function<String, Path> variantDirs;

    ResultFiles(Function<String, Path> variantDirs) {
        this.variantDirs = Objects.requireNonNull(variantDirs, "variantDirs");
    }

    /** Where the result for {@code key} lives. */
    Path path(ResultKey key) {
        Path variantDir = Objects.requireNonNull(variantDirs.apply(key.variantId()),
                () -> "no directory for variant " + key.variantId());
        return variantDir.resolve(FOLDER).resolve(key.fileStem() + ".json");
    }

    Optional<EvaluationResult> read(ResultKey key) {
        Path file = path(key);
        ResultJson.Entry entry;
        try {
            entry = ResultJson.read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            LOG.log(Level.WARNING, "ignoring the cached result " + file + ", which is not valid JSON: " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring the unreadable cached result " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        if (!entry.key().equals(key)) {
            LOG.log(Level.WARNING, "ignoring the cached result " + file + ": it holds " + entry.key() + ", not " + key);
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    void write(ResultKey key, EvaluationResult result) throws IOException {
        Path file = path(key);
        byte[] content = ResultJson.write(key, result);
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + key.fileStem() + "-", ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    void delete(ResultKey key) throws IOException {
        Files.deleteIfExists(path(key));
    }
}
