package darwin.trainer.resources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import darwin.trainer.data.CharTokenizer;
import darwin.trainer.data.Corpus;
import darwin.trainer.variant.SeedVariant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceStoreTest {

    private static final Corpus CORPUS = Corpus.of("the quick brown fox jumps over the lazy dog.\nTHE END\n");
    private static final CharTokenizer VOCABULARY = CORPUS.tokenizer();

    @TempDir
    Path root;

    private ResourceStore store() {
        return ResourceStore.at(root.resolve("store"));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aDatasetIsStoredByTheHashOfTheTextThatTrains() throws Exception {
        ResourceStore store = store();
        DatasetAdded added = store.addDataset(file("more.txt", "the lazy fox.\r\n"), VOCABULARY);
        DatasetRef ref = added.ref();
        assertEquals("more.txt", ref.name());
        assertEquals("the lazy fox.\n".length(), ref.characters());
        assertEquals(1, added.dropped(), "the carriage return is not in the vocabulary");
        assertEquals("U+000D", added.droppedCharacters());
        assertEquals(store.dir().resolve(ref.sha256() + ".txt"), store.resolve(ref));
        assertEquals("the lazy fox.\n", store.text(ref));
        assertEquals(ref, store.addDataset(file("again.txt", "the lazy fox.\n"), "more.txt", VOCABULARY).ref(),
                "the same text is the same resource");
    }

    @Test
    void droppedCharactersAreCountedByCodePointAndNamed() throws Exception {
        DatasetAdded added = store().addDataset(file("accents.txt", "thé fox — 🦊 fox é"), VOCABULARY);
        assertEquals("th fox   fox ".length(), added.ref().characters());
        assertEquals(4, added.dropped(), "the fox emoji is one character, though two chars");
        assertEquals("'é', '—', '🦊'", added.droppedCharacters());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        var e = assertThrows(ResourceException.class, () -> store().addDataset(file("empty.txt", ""), VOCABULARY));
        assertTrue(e.getMessage().contains("empty.txt is empty"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithThePlace() throws IOException {
        Path latin1 = Files.write(root.resolve("latin1.txt"), "the caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        var e = assertThrows(ResourceException.class, () -> store().addDataset(latin1, VOCABULARY));
        assertTrue(e.getMessage().contains("latin1.txt is not UTF-8 text"), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 7"), e.getMessage());
    }

    @Test
    void aFileWithNoCharacterOfTheVocabularyIsRefused() throws IOException {
        var e = assertThrows(ResourceException.class, () -> store().addDataset(file("digits.txt", "12345-67890"), VOCABULARY));
        assertTrue(e.getMessage().contains("digits.txt has no character of the corpus's vocabulary"), e.getMessage());
        assertTrue(e.getMessage().contains("all 11 were dropped"), e.getMessage());
    }

    @Test
    void aMissingFileIsRefused() {
        var e = assertThrows(ResourceException.class, () -> store().addDataset(root.resolve("nowhere.txt"), VOCABULARY));
        assertTrue(e.getMessage().contains("nowhere.txt"), e.getMessage());
    }

    @Test
    void aChangedFileNoLongerResolves() throws Exception {
        ResourceStore store = store();
        DatasetRef ref = store.addDataset(file("more.txt", "the fox"), VOCABULARY).ref();
        Path stored = store.resolve(ref);
        Files.writeString(stored, "the dog");
        var e = assertThrows(ResourceException.class, () -> store.text(ref));
        assertTrue(e.getMessage().contains(stored.toString()) && e.getMessage().contains("does not match its sha256"),
                e.getMessage());
        Files.delete(stored);
        var missing = assertThrows(ResourceException.class, () -> store.resolve(ref));
        assertTrue(missing.getMessage().contains("dataset 'more.txt' is missing from the resource store"), missing.getMessage());
        assertTrue(missing.getMessage().contains(stored.toString()), missing.getMessage());
    }

    @Test
    void aLibraryIsStoredByTheHashOfItsJar() throws Exception {
        Path jar = TestJars.compiled(root, "tiny.jar", TestJars.TINY);
        ResourceStore store = store();
        LibraryRef ref = store.addLibrary("org.example:tiny:1.0", jar);
        assertEquals("org.example:tiny", ref.artifact());
        Path stored = store.resolve(ref);
        assertEquals(store.dir().resolve(ref.sha256() + ".jar"), stored);
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(stored));
    }

    @Test
    void aLibraryMayNotAddToTheHarnessPackagesNorPullInOtherJars() throws Exception {
        Path harness = TestJars.packed(root.resolve("harness.jar"),
                Map.of("darwin/trainer/sandbox/Sneaky.class", new byte[] {1}), null);
        var e = assertThrows(ResourceException.class, () -> store().addLibrary("org.example:sneaky:1.0", harness));
        assertTrue(e.getMessage().contains("darwin/trainer/sandbox/Sneaky.class"), e.getMessage());
        Path djl = TestJars.packed(root.resolve("djl.jar"),
                Map.of("META-INF/versions/17/ai/djl/Model.class", new byte[] {1}), null);
        assertThrows(ResourceException.class, () -> store().addLibrary("org.example:djl:1.0", djl));
        Path pulling = TestJars.packed(root.resolve("pulling.jar"), Map.of("org/example/A.class", new byte[] {1}),
                "../darwin-data.jar");
        var pull = assertThrows(ResourceException.class, () -> store().addLibrary("org.example:pulling:1.0", pulling));
        assertTrue(pull.getMessage().contains("Class-Path"), pull.getMessage());
    }

    @Test
    void aLibraryNeedsCoordinatesAndAJar() throws Exception {
        Path jar = TestJars.compiled(root, "tiny.jar", TestJars.TINY);
        var coordinates = assertThrows(ResourceException.class, () -> store().addLibrary("tiny-1.0", jar));
        assertTrue(coordinates.getMessage().contains("group:artifact:version"), coordinates.getMessage());
        Path text = file("not-a.jar", "the fox");
        var notJar = assertThrows(ResourceException.class, () -> store().addLibrary("org.example:tiny:1.0", text));
        assertTrue(notJar.getMessage().contains("not-a.jar is not a readable jar"), notJar.getMessage());
    }

    @Test
    void aVariantsResourcesResolveOnlyWithAStoreThatHoldsThem() throws Exception {
        ResourceStore store = store();
        DatasetRef ref = store.addDataset(file("more.txt", "the fox"), VOCABULARY).ref();
        Variant variant = VariantResources.derive(SeedVariant.variant(), ref);
        assertEquals(ResolvedResources.NONE, ResourceStore.resolve(SeedVariant.variant(), Optional.empty()));
        assertEquals(List.of("the fox"), ResourceStore.resolve(variant, Optional.of(store)).datasetTexts());
        var none = assertThrows(ResourceException.class, () -> ResourceStore.resolve(variant, Optional.empty()));
        assertTrue(none.getMessage().contains("no resource store"), none.getMessage());
        var elsewhere = assertThrows(ResourceException.class,
                () -> ResourceStore.resolve(variant, Optional.of(ResourceStore.at(root.resolve("other")))));
        assertTrue(elsewhere.getMessage().contains(ref.fileName()), elsewhere.getMessage());
    }

    @Test
    void datasetsFollowTheCorpusTrainingTokensAndLeaveTheHeldOutAlone() {
        int[] heldOut = CORPUS.heldOutTokens();
        int[] tokens = DatasetText.trainingTokens(CORPUS, List.of("the dog", "fox é"));
        int[] train = CORPUS.trainTokens();
        assertEquals(train.length + "the dog".length() + "fox ".length(), tokens.length);
        assertArrayEquals(train, Arrays.copyOf(tokens, train.length));
        assertEquals("the dogfox ", VOCABULARY.decode(Arrays.copyOfRange(tokens, train.length, tokens.length)));
        assertArrayEquals(heldOut, CORPUS.heldOutTokens());
        assertArrayEquals(train, DatasetText.trainingTokens(CORPUS, List.of()));
    }
}
