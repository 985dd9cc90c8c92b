package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.build.Compilation;
import darwin.trainer.build.SourceCompiler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A variant's loader lends it the harness API, DJL and the JDK, and refuses, by name and with the
 * reason, the classes of darwin's other libraries and of darwin's own code, even where the class
 * path it delegates to holds them (as this test's does).
 */
class VariantClassLoaderTest {

    private static final ClassLoader HARNESS = VariantClassLoaderTest.class.getClassLoader();

    @Test
    void aClassOfALibraryOnlyDarwinUsesIsRefusedWithItsName() {
        VariantClassLoader loader = new VariantClassLoader(Map.of(), HARNESS);
        for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.github.benmanes.caffeine.cache.Caffeine")) {
            ClassNotFoundException refused = assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, loader));
            assertTrue(refused.getMessage().startsWith(name + " is refused: it belongs to "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("a variant may use the harness API (darwin.trainer.api.*), DJL and "
                    + "the libraries its manifest lists"), refused.getMessage());
        }
    }

    @Test
    void darwinsOwnCodeOtherThanTheHarnessApiIsRefused() {
        VariantClassLoader loader = new VariantClassLoader(Map.of(), HARNESS);
        for (String name : List.of("darwin.trainer.harness.TrainingSession", "darwin.core.Budget", "darwin.program.NanoGpt",
                "darwin.trainer.sandbox.ChildReport")) {
            ClassNotFoundException refused = assertThrows(ClassNotFoundException.class, () -> loader.loadClass(name));
            assertTrue(refused.getMessage().startsWith(name + " is refused: it is darwin's own code, not the harness API"),
                    refused.getMessage());
        }
    }

    @Test
    void theHarnessApiDjlAndTheJdkAreTheHarnesss() throws ClassNotFoundException {
        VariantClassLoader loader = new VariantClassLoader(Map.of(), HARNESS);
        for (Class<?> lent : List.of(TrainingProgram.class, NDArray.class, List.class)) {
            assertSame(lent, loader.loadClass(lent.getName()));
        }
    }

    @Test
    void aVariantsOwnClassesLoadWhateverTheirPackage() throws ClassNotFoundException {
        Compilation compilation = SourceCompiler.forRunningJvm().compile(Map.of(
                "darwin/program/Tiny.java", "package darwin.program;\npublic class Tiny {}\n"));
        VariantClassLoader loader = new VariantClassLoader(compilation.classes(), HARNESS);

        assertSame(loader, loader.loadClass("darwin.program.Tiny").getClassLoader());
    }

    @Test
    void theRefusalNamesTheLibrary() {
        assertEquals(Optional.empty(), VariantClassLoader.refusal("darwin.trainer.api.Batch"));
        assertEquals(Optional.empty(), VariantClassLoader.refusal("org.example.tiny.Widths"));
        assertEquals(Optional.empty(), VariantClassLoader.refusal("ai.djl.ndarray.NDArray"));
        assertTrue(VariantClassLoader.refusal("picocli.CommandLine").orElseThrow()
                .startsWith("picocli.CommandLine is refused: it belongs to picocli, which darwin uses and a variant may not"));
        assertTrue(VariantClassLoader.refusal("darwin.mutation.LlmMutator").orElseThrow()
                .startsWith("darwin.mutation.LlmMutator is refused: it belongs to darwin's mutation module"));
    }
}
