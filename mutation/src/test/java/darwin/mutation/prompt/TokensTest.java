package darwin.mutation.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void aTextWithinTheBudgetIsKeptWhole() {
        String text = "short\ntext\n";
        assertSame(text, Tokens.clip(text, 3));
    }

    @Test
    void aLongTextKeepsItsHeadAndTailWithTheCutMarked() {
        String text = "HEAD " + "x".repeat(1_000_000) + " TAIL";
        String clipped = Tokens.clip(text, 100);

        assertTrue(Tokens.estimate(clipped) <= 100, "estimated " + Tokens.estimate(clipped));
        assertTrue(clipped.startsWith("HEAD "), clipped);
        assertTrue(clipped.endsWith(" TAIL"), clipped);
        Matcher marker = Pattern.compile("\n\\[… ([\\d,]+) characters cut …]\n").matcher(clipped);
        assertTrue(marker.find(), clipped);
        int cut = Integer.parseInt(marker.group(1).replace(",", ""));
        assertEquals(text.length(), clipped.length() - marker.group().length() + cut, "the marker counts what was cut");
    }

    @Test
    void aClippedTextIsCutAtLineEndsWhereOneIsNear() {
        String text = IntStream.range(0, 1_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
        String clipped = Tokens.clip(text, 50);
        assertTrue(clipped.startsWith("line 0\n"));
        assertTrue(clipped.lines().filter(l -> !l.startsWith("[…")).allMatch(l -> l.matches("line \\d+")), clipped);
        assertTrue(clipped.endsWith("line 999\n"), clipped);
    }

    @Test
    void aShareGivesShortPartsWhatTheyWantAndSplitsTheRestEvenly() {
        assertArrayEquals(new int[] {10, 45, 45}, Tokens.share(100, 10, 500, 1_000));
        assertArrayEquals(new int[] {10, 20}, Tokens.share(100, 10, 20));
        assertArrayEquals(new int[] {0, 0}, Tokens.share(-5, 10, 20));
        assertEquals(0, Tokens.share(100).length);
    }
}
