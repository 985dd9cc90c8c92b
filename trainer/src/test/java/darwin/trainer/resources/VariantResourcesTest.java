package darwin.trainer.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import darwin.trainer.variant.HarnessFiles;
import darwin.trainer.variant.SeedVariant;
import darwin.trainer.variant.VariantDirectory;
import darwin.trainer.variant.VariantFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantResourcesTest {

    private static final DatasetRef SONNETS = new DatasetRef("sonnets.txt", "a".repeat(64), 94_000);
    private static final LibraryRef FASTMATH = new LibraryRef("org.example:fastmath:1.2", "b".repeat(64));

    @TempDir
    Path root;

    @Test
    void theManifestRoundTripsThroughItsText() {
        VariantResources resources = VariantResources.NONE.with(SONNETS).with(FASTMATH);
        assertEquals(resources, VariantResources.parse(resources.toJson()));
        assertEquals(resources.toJson(), VariantResources.parse(resources.toJson()).toJson(), "one canonical form");
        assertEquals("dataset 'sonnets.txt' (94,000 characters); library org.example:fastmath:1.2", resources.describe());
    }

    @Test
    void addingAResourceMakesAChildWithANewId() {
        Variant seed = SeedVariant.variant();
        Variant child = VariantResources.derive(seed, SONNETS);
        assertNotEquals(seed.id(), child.id());
        assertEquals(List.of(seed.id()), child.parents());
        assertEquals(List.of(SONNETS), VariantResources.of(child).datasets());
        assertEquals(seed.sources(), child.sources(), "the program is unchanged");

        Variant grandchild = VariantResources.derive(child, FASTMATH);
        assertNotEquals(child.id(), grandchild.id());
        assertEquals(VariantResources.NONE.with(SONNETS).with(FASTMATH), VariantResources.of(grandchild));
        assertSame(grandchild, VariantResources.derive(grandchild, SONNETS), "a dataset already listed is not added again");
        Variant two = VariantResources.derive(grandchild, new LibraryRef("org.example:other:2.0", "d".repeat(64)));
        assertSame(two, VariantResources.derive(two, FASTMATH), "nor is a library, wherever it stands");
    }

    @Test
    void aNewVersionOfALibraryReplacesTheOld() {
        LibraryRef newer = new LibraryRef("org.example:fastmath:1.3", "c".repeat(64));
        VariantResources resources = VariantResources.NONE.with(FASTMATH).with(newer);
        assertEquals(List.of(newer), resources.libraries());
    }

    @Test
    void aManifestThatCannotBeReadIsNamedWithTheEntry() {
        var bad = assertThrows(IllegalArgumentException.class, () -> VariantResources.parse(
                "{\"schema\": 1, \"datasets\": [{\"name\": \"x\", \"sha256\": \"abc\", \"characters\": 3}]}"));
        assertTrue(bad.getMessage().startsWith(VariantResources.MANIFEST + ": "), bad.getMessage());
        assertTrue(bad.getMessage().contains("64 lowercase hex digits"), bad.getMessage());
        var newer = assertThrows(IllegalArgumentException.class, () -> VariantResources.parse("{\"schema\": 2}"));
        assertTrue(newer.getMessage().contains("schema 2"), newer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VariantResources.parse("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> VariantResources.parse("{\"schema\": 1, \"libraries\": {}}"));
    }

    @Test
    void aVariantDirectoryKeepsTheManifestAndIgnoresTheResourcesFilesBesideIt() throws IOException {
        Variant variant = VariantResources.derive(VariantResources.derive(SeedVariant.variant(), SONNETS), FASTMATH);
        Path dir = root.resolve("variant");
        VariantDirectory.write(variant, dir);
        assertTrue(Files.isRegularFile(dir.resolve(VariantResources.MANIFEST)));
        Files.write(dir.resolve("resources").resolve(SONNETS.fileName()), new byte[] {(byte) 0xff, 0}); // a blob, not UTF-8
        Files.write(dir.resolve("resources").resolve(FASTMATH.fileName()), new byte[] {0x50, 0x4b});

        Variant read = VariantDirectory.read(dir);
        assertEquals(variant, read);
        assertEquals(variant.id(), read.id());
    }

    @Test
    void aVariantDirectoryWithABrokenManifestIsRefusedByName() throws IOException {
        Path dir = root.resolve("variant");
        VariantDirectory.write(SeedVariant.variant(), dir);
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve(VariantResources.MANIFEST), "{\"schema\": 1, \"datasets\": [{}]}");
        var e = assertThrows(VariantFormatException.class, () -> VariantDirectory.read(dir));
        assertTrue(e.getMessage().contains(VariantResources.MANIFEST), e.getMessage());
    }

    @Test
    void theManifestIsNoTamperingButAnyOtherFileUnderResourcesIs() {
        Variant withManifest = VariantResources.derive(SeedVariant.variant(), SONNETS);
        assertEquals(Optional.empty(), HarnessFiles.tampering(withManifest));
        Variant withOther = withManifest.derive(Map.of("resources/notes.txt", "x"));
        assertTrue(HarnessFiles.tampering(withOther).orElseThrow().contains("resources/notes.txt"));
    }
}
