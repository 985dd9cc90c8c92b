package darwin.mutation.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Variant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static final String PATH = "program/p/Main.java";

    private static String numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    private static Variant variant(Map<String, String> files) {
        return Variant.seed("p.Main", files);
    }

    @Test
    void showsAOneLineChangeWithThreeLinesOfContext() {
        Variant before = variant(Map.of(PATH, numbered(10)));
        Variant after = variant(Map.of(PATH, numbered(10).replace("line 5\n", "line five\n")));

        UnifiedDiff diff = UnifiedDiff.of(before, after);

        assertEquals("""
                --- a/program/p/Main.java
                +++ b/program/p/Main.java
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """, diff.text());
        assertEquals(1, diff.added());
        assertEquals(1, diff.removed());
    }

    @Test
    void splitsDistantChangesIntoHunksAndJoinsCloseOnes() {
        String distant = numbered(20).replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n");
        String close = numbered(20).replace("line 2\n", "line two\n").replace("line 9\n", "line nine\n");

        String apart = UnifiedDiff.of(Map.of(PATH, numbered(20)), Map.of(PATH, distant)).text();
        String together = UnifiedDiff.of(Map.of(PATH, numbered(20)), Map.of(PATH, close)).text();

        assertTrue(apart.contains("@@ -1,5 +1,5 @@\n") && apart.contains("@@ -15,6 +15,6 @@\n"), apart);
        assertTrue(together.contains("@@ -1,12 +1,12 @@\n") && together.split("@@ -").length == 2, together);
    }

    @Test
    void showsAnAddedFileFromDevNull() {
        UnifiedDiff diff = UnifiedDiff.of(Map.of(PATH, "a\n"), Map.of(PATH, "a\n", "program/p/New.java", "x\ny\n"));

        assertEquals("--- /dev/null\n+++ b/program/p/New.java\n@@ -0,0 +1,2 @@\n+x\n+y\n", diff.text());
    }

    @Test
    void showsARemovedFileToDevNull() {
        UnifiedDiff diff = UnifiedDiff.of(Map.of(PATH, "a\n", "program/p/Old.java", "x\n"), Map.of(PATH, "a\n"));

        assertEquals("--- a/program/p/Old.java\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n", diff.text());
    }

    @Test
    void marksALastLineWithoutANewline() {
        UnifiedDiff diff = UnifiedDiff.of(Map.of(PATH, "a\nb"), Map.of(PATH, "a\nc"));

        assertEquals("--- a/program/p/Main.java\n+++ b/program/p/Main.java\n@@ -1,2 +1,2 @@\n a\n-b\n"
                + "\\ No newline at end of file\n+c\n\\ No newline at end of file\n", diff.text());
    }

    @Test
    void isEmptyForTheSameFiles() {
        assertTrue(UnifiedDiff.of(Map.of(PATH, "a\n"), Map.of(PATH, "a\n")).isEmpty());
    }
}
