package darwin.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textEscapesMarkupAndShowsControlCharactersAsATerminalWould() {
        assertEquals("\\e[2J&lt;b&gt;\\x07 &amp; \\u202eevil\n&quot;&#39;", Html.text("\u001b[2J<b>\u0007 & \u202eevil\n\"'"));
        assertEquals("", Html.text(null));
    }

    @Test
    void aDiffLineShowsItsControlCharacters() {
        assertEquals("<span class=\"file\">--- a/x</span><span class=\"add\">+\\e[31m &lt;</span><span class=\"del\">-\\x0d</span>",
                Html.diff("--- a/x\n+\u001b[31m <\n-\r\n"));
    }
}
