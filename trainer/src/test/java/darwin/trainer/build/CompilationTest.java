package darwin.trainer.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CompilationTest {

    @Test
    void theReportRendersTheFirstTwentyErrorsAndCountsTheRest() {
        String fields = IntStream.rangeClosed(1, 25)
                .mapToObj(i -> "    int f" + i + " = missing" + i + ";\n")
                .reduce("", String::concat);
        Compilation compilation = SourceCompiler.forRunningJvm()
                .compile(Map.of("demo/Many.java", "package demo;\nclass Many {\n" + fields + "}\n"));
        assertFalse(compilation.succeeded());
        assertEquals(25, compilation.errors().size());

        String report = compilation.report();
        assertEquals(Compilation.REPORTED_ERRORS, report.split("error: ", -1).length - 1, report);
        assertTrue(report.contains("demo/Many.java:22:") && !report.contains("demo/Many.java:23:"), report);
        assertTrue(report.endsWith("\n... and 5 more\n25 errors"), report);
        assertTrue(compilation.report(2).endsWith("\n... and 23 more\n25 errors"));
    }

    @Test
    void aCompilationWithAnErrorHasNotSucceeded() {
        var error = new CompilerDiagnostic(CompilerDiagnostic.Kind.ERROR, "A.java", 1, 1, "broken", "x");
        var warning = new CompilerDiagnostic(CompilerDiagnostic.Kind.WARNING, "A.java", 1, 1, "careful", "x");
        Map<String, byte[]> classes = Map.of("A", new byte[] {1});
        assertThrows(IllegalArgumentException.class, () -> new Compilation(true, classes, List.of(warning, error)));
        assertTrue(new Compilation(true, classes, List.of(warning)).succeeded());
        Compilation failed = new Compilation(false, classes, List.of(warning, error));
        assertEquals(List.of(error), failed.errors());
        assertEquals("A.java:1:1: error: broken\nx\n^\n1 error", failed.report());
    }

    @Test
    void theClassBytesCannotBeChangedFromOutside() {
        byte[] bytes = {1, 2, 3};
        Map<String, byte[]> classes = new HashMap<>(Map.of("demo.A", bytes));
        Compilation compilation = new Compilation(true, classes, List.of());
        bytes[0] = 9;
        classes.put("demo.B", new byte[0]);
        compilation.classes().get("demo.A")[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, compilation.classes().get("demo.A"));
        assertEquals(1, compilation.classes().size());
        assertThrows(UnsupportedOperationException.class, () -> compilation.classes().clear());
    }

    @Test
    void classNamesThatWouldLeaveTheOutputDirectoryAreRejected() {
        for (String name : List.of("", "a..B", "../B", "a/B", ".B")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Compilation(true, Map.of(name, new byte[0]), List.of()), name);
        }
    }
}
