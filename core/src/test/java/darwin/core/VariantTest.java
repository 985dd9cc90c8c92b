package darwin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VariantTest {

    private static final String ENTRY = "darwin.program.NanoGpt";
    private static final Map<String, String> FILES = Map.of(
            "program/darwin/program/NanoGpt.java", "class NanoGpt {}",
            "program/darwin/program/notes.txt", "notes",
            "harness/darwin/trainer/api/Batch.java", "interface Batch {}");

    private static Variant seed() {
        return Variant.seed(ENTRY, FILES);
    }

    @Test
    void identicalSnapshotsShareAnIdWhateverTheOrderAndParents() {
        LinkedHashMap<String, String> forward = new LinkedHashMap<>();
        new TreeMap<>(FILES).forEach(forward::put);
        LinkedHashMap<String, String> backward = new LinkedHashMap<>();
        new TreeMap<>(FILES).descendingMap().forEach(backward::put);
        Variant a = Variant.seed(ENTRY, forward);
        Variant b = new Variant(ENTRY, new TreeMap<>(backward), List.of("0123456789abcdef"));
        assertEquals(a.id(), b.id());
        assertEquals(a.id(), seed().id());
        assertEquals(a.files(), b.files());
        assertNotEquals(a, b, "the parents are lineage: part of the record, not of the id");
    }

    @Test
    void anyChangeOfAPathAContentOrTheEntryChangesTheId() {
        String id = seed().id();
        assertNotEquals(id, seed().derive(Map.of("program/darwin/program/NanoGpt.java", "class NanoGpt { }")).id());
        assertNotEquals(id, seed().derive(Map.of("program/darwin/program/Extra.java", "")).id());
        assertNotEquals(id, Variant.seed("darwin.program.Other", FILES).id());
        TreeMap<String, String> moved = new TreeMap<>(FILES);
        moved.put("program/darwin/program/notes2.txt", moved.remove("program/darwin/program/notes.txt"));
        assertNotEquals(id, Variant.seed(ENTRY, moved).id());
        // content moved across a file boundary: lengths are part of the hash
        Variant ab = Variant.seed(ENTRY, Map.of("program/a", "xy", "program/b", "z"));
        Variant a2 = Variant.seed(ENTRY, Map.of("program/a", "x", "program/b", "yz"));
        assertNotEquals(ab.id(), a2.id());
    }

    @Test
    void theIdIsSixteenLowercaseHexDigits() {
        String id = seed().id();
        assertEquals(Variant.ID_LENGTH, id.length());
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertTrue(Variant.isId(id));
    }

    @Test
    void deriveRecordsTheParentAndCanDeleteAFile() {
        Variant parent = seed();
        HashMap<String, String> changes = new HashMap<>();
        changes.put("program/darwin/program/notes.txt", null);
        changes.put("program/darwin/program/NanoGpt.java", "class NanoGpt { int x; }");
        Variant child = parent.derive(changes);
        assertEquals(List.of(parent.id()), child.parents());
        assertEquals(ENTRY, child.entry());
        assertFalse(child.files().containsKey("program/darwin/program/notes.txt"));
        assertEquals("class NanoGpt { int x; }", child.files().get("program/darwin/program/NanoGpt.java"));
        assertEquals(FILES.get("harness/darwin/trainer/api/Batch.java"), child.files().get("harness/darwin/trainer/api/Batch.java"));
        assertEquals(3, parent.files().size(), "the parent is unchanged");
        assertThrows(IllegalArgumentException.class, () -> parent.derive(Map.of("../escape.java", "")));
    }

    @Test
    void rejectsBadPaths() {
        for (String bad : List.of("../x", "/x", "a//b", "a\\b", "", "a/", "./a", "a/../b", "a\nb")) {
            assertThrows(IllegalArgumentException.class, () -> Variant.checkPath(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Variant.seed(ENTRY, Map.of(bad, "x")), bad);
        }
        assertEquals("program/a/b.java", Variant.checkPath("program/a/b.java"));
        assertThrows(NullPointerException.class, () -> Variant.checkPath(null));
    }

    @Test
    void rejectsABadEntryNoFilesAndBadParents() {
        for (String bad : List.of("", "darwin..NanoGpt", "1darwin.NanoGpt", "darwin.program.", "darwin/program/NanoGpt", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> Variant.seed(bad, FILES), bad);
        }
        assertThrows(NullPointerException.class, () -> Variant.seed(null, FILES));
        assertTrue(Variant.seed("darwin.program.Outer$Inner", FILES).entry().endsWith("$Inner"));
        assertThrows(IllegalArgumentException.class, () -> Variant.seed(ENTRY, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Variant(ENTRY, new TreeMap<>(FILES), List.of("not-an-id")));
    }

    @Test
    void isIdAcceptsSixteenLowercaseAsciiHexDigitsOnly() {
        assertTrue(Variant.isId("0123456789abcdef"));
        assertFalse(Variant.isId("0123456789ABCDEF"));
        assertFalse(Variant.isId("0123456789abcde"));
        assertFalse(Variant.isId("0123456789abcdef0"));
        assertFalse(Variant.isId("0123456789abcdeg"));
        assertFalse(Variant.isId(null));
        assertFalse(Variant.isId(""));
    }

    @Test
    void isIdRejectsNonAsciiDigits() {
        // Character.digit accepts these; an id names a folder and must be plain ASCII
        assertFalse(Variant.isId("\u0660".repeat(16)), "Arabic-Indic digits");
        assertFalse(Variant.isId("\uff41".repeat(16)), "fullwidth 'a'");
    }

    @Test
    void sourcesKeepsOnlyJavaFiles() {
        Variant variant = seed();
        assertEquals(List.of("harness/darwin/trainer/api/Batch.java", "program/darwin/program/NanoGpt.java"),
                List.copyOf(variant.sources().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> variant.sources().put("program/X.java", ""));
    }

    @Test
    void theFilesMapIsUnmodifiableAndACopy() {
        TreeMap<String, String> files = new TreeMap<>(FILES);
        Variant variant = Variant.seed(ENTRY, files);
        String id = variant.id();
        files.put("program/darwin/program/Late.java", "");
        assertEquals(3, variant.files().size());
        assertEquals(id, variant.id());
        assertThrows(UnsupportedOperationException.class, () -> variant.files().put("program/X.java", ""));
        assertThrows(UnsupportedOperationException.class, () -> variant.files().remove("program/darwin/program/notes.txt"));
        assertThrows(UnsupportedOperationException.class, () -> variant.parents().add("0123456789abcdef"));
    }
}
