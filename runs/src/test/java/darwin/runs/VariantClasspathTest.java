package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.CompileCheck;
import darwin.core.Variant;
import darwin.memory.RunDirectory;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.sandbox.ChildClasspath;
import darwin.trainer.variant.SeedVariant;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the application, whose class path holds every library darwin uses, a variant's class path is
 * still the harness API and DJL: its children cannot load a class of darwin's other libraries or
 * modules, and its sources cannot import one.
 */
class VariantClasspathTest {

    /** One class of each library and module on darwin's class path that a variant may not use. */
    private static final List<String> DARWINS = List.of(
            "dev.langchain4j.model.chat.ChatModel",
            "picocli.CommandLine",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.github.benmanes.caffeine.cache.Caffeine",
            "io.jenetics.engine.Engine",
            "darwin.mutation.LlmMutator",
            "darwin.memory.AgentMemories",
            "darwin.population.loop.Evolution",
            "darwin.runs.Darwin");

    @Test
    void theChildClassPathHoldsNoneOfDarwinsOtherLibraries() throws Exception {
        List<Path> child = ChildClasspath.current();
        URL[] urls = new URL[child.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = child.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertEquals(TrainingProgram.class.getName(), Class.forName(TrainingProgram.class.getName(), false, loader).getName());
            for (String name : DARWINS) {
                Class.forName(name, false, VariantClasspathTest.class.getClassLoader()); // this JVM has it
                assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, loader), name);
            }
        }
    }

    @Test
    void aVariantThatImportsOneDoesNotCompile(@TempDir Path dir) throws IOException {
        CompileCheck compiler = RunAssembly.compileCheck(new RunDirectory(dir));
        assertTrue(compiler.check(SeedVariant.variant()).ok());
        for (String name : DARWINS) {
            Variant variant = SeedVariant.variant().derive(Map.of("program/adv/Uses.java",
                    "package adv;\n\nimport " + name + ";\n\nclass Uses {}\n"));

            CompileCheck.Report report = compiler.check(variant);

            assertFalse(report.ok(), name);
            assertTrue(report.rendered().contains("package " + name.substring(0, name.lastIndexOf('.')) + " does not exist"),
                    report.rendered());
        }
    }
}
