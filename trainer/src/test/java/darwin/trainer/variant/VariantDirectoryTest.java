package darwin.trainer.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantDirectoryTest {

    private static final Variant VARIANT = new Variant("darwin.program.NanoGpt", new TreeMap<>(Map.of(
                    "program/darwin/program/NanoGpt.java", "class NanoGpt { String s = \"é→\"; }\n",
                    "program/darwin/program/config.txt", "layers 4\n",
                    "harness/darwin/trainer/api/Batch.java", "interface Batch {}\n")),
            List.of("0123456789abcdef"));

    @TempDir
    Path root;

    private Path written() throws IOException {
        Path dir = root.resolve("variant");
        VariantDirectory.write(VARIANT, dir);
        return dir;
    }

    private static void assertRejected(Path dir, Path named) {
        VariantFormatException e = assertThrows(VariantFormatException.class, () -> VariantDirectory.read(dir));
        assertTrue(e.getMessage().contains(named.toString()), e.getMessage());
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        Path dir = written();
        Variant read = VariantDirectory.read(dir);
        assertEquals(VARIANT, read);
        assertEquals(VARIANT.id(), read.id());
        assertEquals(VARIANT.entry(), read.entry());
        assertEquals(VARIANT.parents(), read.parents());
        String metadata = Files.readString(dir.resolve(VariantDirectory.METADATA));
        assertTrue(metadata.contains(VARIANT.id()), metadata);
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of(dir), siblings.toList(), "no temporary folder is left behind");
        }
    }

    @Test
    void writesIntoAnEmptyDirectory() throws IOException {
        Path dir = Files.createDirectory(root.resolve("empty"));
        VariantDirectory.write(VARIANT, dir);
        assertEquals(VARIANT, VariantDirectory.read(dir));
    }

    @Test
    void filesOutsideProgramAndHarnessAreIgnored() throws IOException {
        Path dir = written();
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("results/steps-10_seed-1_cpu.json"), "{}");
        Files.writeString(dir.resolve("train.log"), "step 1\n");
        Files.write(dir.resolve("curve.bin"), new byte[] {(byte) 0xff, 0});
        assertEquals(VARIANT, VariantDirectory.read(dir));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = root.resolve("nowhere");
        assertRejected(missing, missing);
    }

    @Test
    void aMissingMetadataFileIsNamed() throws IOException {
        Path dir = written();
        Files.delete(dir.resolve(VariantDirectory.METADATA));
        VariantFormatException e = assertThrows(VariantFormatException.class, () -> VariantDirectory.read(dir));
        assertTrue(e.getMessage().contains(dir + " is not a variant: it has no " + VariantDirectory.METADATA), e.getMessage());
    }

    @Test
    void invalidJsonIsNamed() throws IOException {
        Path dir = written();
        Files.writeString(dir.resolve(VariantDirectory.METADATA), "{\"entry\": ");
        assertRejected(dir, dir.resolve(VariantDirectory.METADATA));
    }

    @Test
    void metadataWithoutAnEntryIsNamed() throws IOException {
        Path dir = written();
        for (String json : List.of("{\"schema\": 1}", "{\"entry\": 3}", "[]", "")) {
            Files.writeString(dir.resolve(VariantDirectory.METADATA), json);
            assertRejected(dir, dir.resolve(VariantDirectory.METADATA));
        }
    }

    @Test
    void aNonUtf8FileIsNamed() throws IOException {
        Path dir = written();
        Path file = dir.resolve("program/darwin/program/Latin1.java");
        Files.writeString(file, "// café", StandardCharsets.ISO_8859_1);
        assertRejected(dir, file);
    }

    @Test
    void aSymbolicLinkIsNamed() throws IOException {
        Path dir = written();
        Path outside = Files.writeString(root.resolve("secret.txt"), "secret");
        Path link = Files.createSymbolicLink(dir.resolve("program/darwin/program/Link.java"), outside);
        assertRejected(dir, link);
    }

    @Test
    void aLinkedProgramFolderIsNamed() throws IOException {
        Path dir = written();
        Path elsewhere = Files.move(dir.resolve("program"), root.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("program"), elsewhere);
        assertRejected(dir, link);
    }

    @Test
    void anOverLargeFileIsNamed() throws IOException {
        Path dir = written();
        Path file = dir.resolve("program/darwin/program/Big.java");
        Files.writeString(file, "x".repeat((int) VariantDirectory.MAX_FILE_BYTES + 1));
        assertRejected(dir, file);
    }

    @Test
    void writingIntoANonEmptyDirectoryFailsAndLeavesItUntouched() throws IOException {
        Path dir = Files.createDirectory(root.resolve("busy"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThrows(IOException.class, () -> VariantDirectory.write(VARIANT, dir));
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of(file), entries.toList());
        }
        assertEquals("mine", Files.readString(file));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of(dir), siblings.toList());
        }
    }

    @Test
    void aVariantEvaluatedBeforeItWasStoredIsWrittenBesideItsResults() throws IOException {
        Path dir = root.resolve("evaluated");
        Path result = Files.writeString(Files.createDirectories(dir.resolve("results")).resolve("steps-2_seed-1_cpu.json"), "{}");
        VariantDirectory.writeBesideResults(VARIANT, dir);
        assertEquals(VARIANT, VariantDirectory.read(dir));
        assertEquals("{}", Files.readString(result));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of(dir), siblings.toList(), "no temporary folder is left");
        }
        assertThrows(IOException.class, () -> VariantDirectory.writeBesideResults(VARIANT, dir), "a variant is written once");
    }

    @Test
    void aRunsVariantFolderWithForeignFilesIsNotWrittenInto() throws IOException {
        Path dir = Files.createDirectory(root.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        IOException refused = assertThrows(IOException.class, () -> VariantDirectory.writeBesideResults(VARIANT, dir));
        assertTrue(refused.getMessage().contains("notes.txt"), refused.getMessage());
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(1, entries.count());
        }
    }
}
