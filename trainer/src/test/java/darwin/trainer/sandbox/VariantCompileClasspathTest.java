package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.CompileCheck;
import darwin.core.Variant;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.build.VisiblePackages;
import darwin.trainer.variant.SeedVariant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A variant compiles against the harness API, DJL's API and engine and nothing else of this JVM's
 * class path: an import of darwin's internals or of a library only darwin uses is javac's
 * "package ... does not exist", for the sandbox and for the mutation step alike.
 */
class VariantCompileClasspathTest {

    private static final SourceCompiler COMPILER = ChildClasspath.compiler();

    private static Map<String, String> importing(String className) {
        return Map.of("program/adv/Uses.java", "package adv;\n\nimport " + className + ";\n\nclass Uses {}\n");
    }

    @Test
    void theCompilerIsTheVariants() {
        assertEquals(VisiblePackages.VARIANT, COMPILER.packages());
        assertEquals(ChildClasspath.forCompiler(), COMPILER.classpath());
    }

    @Test
    void theSeedCompiles() {
        Map<String, String> sources = new TreeMap<>();
        SeedVariant.variant().sources().forEach((path, text) -> {
            if (path.startsWith("program/")) {
                sources.put(path, text);
            }
        });
        Compilation compilation = COMPILER.compile(sources);
        assertTrue(compilation.succeeded(), compilation.report());
    }

    @Test
    void theHarnessApiAndDjlAreThere() {
        Compilation compilation = COMPILER.compile(Map.of("program/adv/Uses.java", """
                package adv;

                import ai.djl.ndarray.NDArray;
                import ai.djl.pytorch.engine.PtEngine;
                import darwin.trainer.api.TrainingProgram;

                abstract class Uses implements TrainingProgram {
                    NDArray array;
                    PtEngine engine;
                }
                """));
        assertTrue(compilation.succeeded(), compilation.report());
    }

    @Test
    void darwinsLibrariesAndInternalsDoNotExistForAVariant() {
        for (String className : List.of("com.fasterxml.jackson.databind.ObjectMapper",
                "com.github.benmanes.caffeine.cache.Caffeine", "darwin.trainer.harness.TrainingSession", "darwin.core.Budget",
                "darwin.trainer.sandbox.ChildReport", "com.google.gson.Gson", "com.sun.jna.Native")) {
            Compilation compilation = COMPILER.compile(importing(className));
            String packageName = className.substring(0, className.lastIndexOf('.'));
            assertFalse(compilation.succeeded(), className);
            assertEquals("package " + packageName + " does not exist", compilation.errors().getFirst().message(),
                    compilation.report());
        }
    }

    @Test
    void theMutationStepsCheckIsACompileErrorThatSaysSo() {
        Variant seed = SeedVariant.variant();
        Variant importsJackson = seed.derive(importing("com.fasterxml.jackson.databind.ObjectMapper"));

        CompileCheck.Report report = new VariantCompileCheck(COMPILER).check(importsJackson);

        assertFalse(report.ok());
        assertEquals("program/adv/Uses.java", report.errors().getFirst().path());
        assertTrue(report.rendered().contains("package com.fasterxml.jackson.databind does not exist"), report.rendered());
    }
}
