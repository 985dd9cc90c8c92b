package darwin.trainer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.trainer.build.CompilerDiagnostic.Kind;
import org.junit.jupiter.api.Test;

class CompilerDiagnosticTest {

    @Test
    void rendersWhatIsKnownAsJavacDoes() {
        assertEquals("error: no source files", new CompilerDiagnostic(Kind.ERROR, "", 0, 0, "no source files", "").render());
        assertEquals("lib.jar(a/B.class): warning: old",
                new CompilerDiagnostic(Kind.WARNING, "lib.jar(a/B.class)", 0, 0, "old", "").render());
        assertEquals("A.java:3: note: about line three\n  int x;",
                new CompilerDiagnostic(Kind.NOTE, "A.java", 3, 0, "about line three", "  int x;").render());
        assertEquals("A.java:3:3: error: first\n  int x;\n  ^\n  detail one\n  detail two",
                new CompilerDiagnostic(Kind.ERROR, "A.java", 3, 3, "first\n  detail one\n  detail two", "  int x;").render());
    }

    @Test
    void rejectsWhatCannotBe() {
        assertThrows(NullPointerException.class, () -> new CompilerDiagnostic(null, "", 0, 0, "m", ""));
        assertThrows(NullPointerException.class, () -> new CompilerDiagnostic(Kind.ERROR, null, 0, 0, "m", ""));
        assertThrows(NullPointerException.class, () -> new CompilerDiagnostic(Kind.ERROR, "", 0, 0, null, ""));
        assertThrows(NullPointerException.class, () -> new CompilerDiagnostic(Kind.ERROR, "", 0, 0, "m", null));
        assertThrows(IllegalArgumentException.class, () -> new CompilerDiagnostic(Kind.ERROR, "A.java", -1, 0, "m", ""));
        assertThrows(IllegalArgumentException.class, () -> new CompilerDiagnostic(Kind.ERROR, "A.java", 1, -1, "m", ""));
        assertThrows(IllegalArgumentException.class, () -> new CompilerDiagnostic(Kind.ERROR, "A.java", 0, 4, "m", ""));
        assertThrows(IllegalArgumentException.class, () -> new CompilerDiagnostic(Kind.ERROR, "A.java", 1, 1, "m", "a\nb"));
    }
}
