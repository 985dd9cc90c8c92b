package darwin.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    /** Whether a shown text still holds a character that a terminal would act on. */
    private static boolean raw(String shown, boolean lineBreaksAllowed) {
        return shown.codePoints().anyMatch(c -> TerminalText.needsVisibleForm(c) && !(lineBreaksAllowed && c == '\n'));
    }

    @Test
    void everyC0ControlIsShownAsEscapeOrHex() {
        for (int c = 0; c < 0x20; c++) {
            if (c == '\n' || c == '\t') {
                continue;
            }
            String expected = c == 0x1b ? "\\e" : String.format(Locale.ROOT, "\\x%02x", c);
            assertEquals("a" + expected + "b", TerminalText.line("a" + (char) c + "b"), "C0 " + c);
            assertEquals("a" + expected + "b", TerminalText.lines("a" + (char) c + "b"), "C0 " + c);
        }
        assertEquals("\\x00\\x07\\x08\\e[2J", TerminalText.line("\0\u0007\b\u001b[2J"));
    }

    @Test
    void delAndEveryC1ControlAreShown() {
        assertEquals("\\x7f", TerminalText.line("\u007f"));
        for (int c = 0x80; c <= 0x9f; c++) {
            assertEquals(String.format(Locale.ROOT, "\\u%04x", c), TerminalText.lines(String.valueOf((char) c)), "C1 " + c);
        }
        assertEquals("\\u009b31mred", TerminalText.line("\u009b31mred"), "the 8-bit CSI");
    }

    @Test
    void bidiControlsAndOtherFormatCharactersAreShown() {
        for (int c : new int[] {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f,
                0x061c, 0xfeff, 0x2028, 0x2029}) {
            assertEquals(String.format(Locale.ROOT, "x\\u%04x", c), TerminalText.line("x" + (char) c), Integer.toHexString(c));
        }
        assertEquals("tag \\u{e0001}", TerminalText.line("tag " + Character.toString(0xe0001)), "a format character beyond U+FFFF");
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        assertEquals(family, TerminalText.line(family), "the zero-width joiner of an emoji sequence stays");
    }

    @Test
    void surrogatePairsStayAndHalvesStandingAloneAreShown() {
        assertEquals("smile \ud83d\ude00", TerminalText.line("smile \ud83d\ude00"));
        assertEquals("\\ud83d!", TerminalText.line("\ud83d!"));
        assertEquals("!\\ude00", TerminalText.lines("!\ude00"));
    }

    @Test
    void printableTextPassesUnchanged() {
        String text = "rotary (RoPE), ½ lr, ∆ → 12.3 «ok» ß 日本語 \\n stays a backslash and an n";
        assertEquals(text, TerminalText.line(text));
        assertEquals(text, TerminalText.lines(text));
        assertEquals("", TerminalText.line(null));
        assertEquals("", TerminalText.lines(null));
    }

    @Test
    void linesKeepsLineBreaksButShowsACarriageReturnThatEndsNoLine() {
        assertEquals("one\ntwo\r\nthree", TerminalText.lines("one\ntwo\r\nthree"));
        assertEquals("safe\\x0dspoofed\n", TerminalText.lines("safe\rspoofed\n"));
    }

    @Test
    void lineJoinsEachRunOfLineBreaksAndItsBlanksIntoOneSpace() {
        assertEquals("first second third", TerminalText.line("first  \n\n\t second\r\nthird"));
        assertEquals("a\\x0db", TerminalText.line("a\rb"));
        assertEquals(" leading", TerminalText.line("\nleading"), "the ends are not stripped: callers decide");
    }

    @Test
    void aTabBecomesSpacesToTheNextTabStop() {
        assertEquals("        x", TerminalText.lines("\tx"));
        assertEquals("ab      x", TerminalText.lines("ab\tx"));
        assertEquals("a\n        x", TerminalText.lines("a\n\tx"), "columns count from the line's start");
        assertEquals("\\e      x", TerminalText.line("\u001b\tx"), "a visible form takes its columns");
    }

    @Test
    void showingShownTextAgainChangesNothing() {
        String hostile = "\u001b]0;title\u0007\u001b[31mred\b\r\0\u202eevil\u2066\t\n\u009b2J";
        String once = TerminalText.lines(hostile);
        assertEquals(once, TerminalText.lines(once));
        assertFalse(raw(once, true), once);
        assertFalse(raw(TerminalText.line(hostile), false));
    }

    @Test
    void aTextThatFitsIsNotCut() {
        assertEquals("exactly ten", TerminalText.cut("exactly ten", 11));
        assertEquals("a b", TerminalText.cut("a\nb", 3));
    }

    @Test
    void aCutTextEndsWithAnEllipsisWithinItsColumns() {
        String cut = TerminalText.cut("a long summary of a change", 10);
        assertEquals("a long su…", cut);
        assertEquals(10, TerminalText.width(cut));
        assertEquals("…", TerminalText.cut("anything", 1));
        assertThrows(IllegalArgumentException.class, () -> TerminalText.cut("x", 0));
    }

    @Test
    void aCutNeverSplitsAVisibleForm() {
        // "ab\e[2J…": the escape's \e takes columns 3 and 4
        for (int max = 2; max <= 12; max++) {
            String cut = TerminalText.cut("ab\u001b[2Jcd\u202eefghij", max);
            assertTrue(TerminalText.width(cut) <= max, cut);
            String kept = cut.endsWith(TerminalText.ELLIPSIS) ? cut.substring(0, cut.length() - 1) : cut;
            assertTrue(kept.matches("(?:[a-j\\[2J]|\\\\e|\\\\u202e)*"), max + ": " + cut);
        }
        assertEquals("ab…", TerminalText.cut("ab\u001bcd", 4), "\\e would end at column 4, where the ellipsis must go");
        assertEquals("ab\\e…", TerminalText.cut("ab\u001bcd", 5));
        assertEquals("x…", TerminalText.cut("x\u202eyyyyyy", 6), "\\u202e takes six columns, and is never cut to \\u20");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\ud83d\ude00";
        String cut = TerminalText.cut(emoji.repeat(5), 3);
        assertEquals(emoji + emoji + "…", cut);
        assertEquals(3, TerminalText.width(cut));
    }

    @Test
    void jsonKeepsItsValueAndEscapesWhatWouldActOnATerminal() {
        String json = "{\"summary\":\"a\u009b2Jb\u202ec\u007fd\ud83d\ude00\",\n \"tag\":\"" + Character.toString(0xe0001) + "\"}";
        assertEquals("{\"summary\":\"a\\u009b2Jb\\u202ec\\u007fd\ud83d\ude00\",\n \"tag\":\"\\udb40\\udc01\"}", TerminalText.json(json));
        assertEquals("[\"\\u001b[2J\"]", TerminalText.json("[\"\\u001b[2J\"]"), "Jackson's escapes stay as they are");
    }
}
