package darwin.trainer.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantFoldersTest {

    @Test
    void aVariantIsWrittenOnceBesideTheResultsKeptBeforeItAndReadBack(@TempDir Path root) throws Exception {
        Variant seed = SeedVariant.variant();
        VariantFolders folders = new VariantFolders(root);
        Path result = Files.createDirectories(root.resolve(seed.id()).resolve("results")).resolve("key.json");
        Files.writeString(result, "{}");
        assertFalse(folders.contains(seed.id()), "a folder of results alone holds no variant");

        folders.store(seed);
        Path metadata = root.resolve(seed.id()).resolve(VariantDirectory.METADATA);
        var written = Files.getLastModifiedTime(metadata);
        folders.store(seed);

        assertTrue(folders.contains(seed.id()));
        assertEquals(seed, folders.read(seed.id()));
        assertEquals(written, Files.getLastModifiedTime(metadata), "stored once");
        assertEquals("{}", Files.readString(result), "the results kept before it stay");
        assertFalse(folders.contains("../" + seed.id()), "only a variant id names a folder");
    }
}
