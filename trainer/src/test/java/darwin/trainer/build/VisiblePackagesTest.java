package darwin.trainer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which packages of the class path sources see, and a hidden one not existing for javac. */
class VisiblePackagesTest {

    @Test
    void aVariantSeesTheHarnessApiAndNoOtherPackageOfDarwins() {
        VisiblePackages variant = VisiblePackages.VARIANT;
        for (String shown : List.of("darwin.trainer.api", "darwin.trainer.api.inner", "ai.djl.ndarray", "darwinian", "", "org")) {
            assertTrue(variant.shows(shown), shown);
        }
        for (String hidden : List.of("darwin", "darwin.trainer", "darwin.trainer.harness", "darwin.core", "darwin.program",
                "darwin.trainer.apix")) {
            assertFalse(variant.shows(hidden), hidden);
        }
        assertTrue(VisiblePackages.ALL.shows("darwin.trainer.harness"));
    }

    @Test
    void namesMustBePackageNames() {
        for (String bad : List.of("", "darwin.", ".darwin", "dar win", "darwin..core", "darwin/core")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new VisiblePackages(List.of(bad), List.of()), bad);
            assertTrue(e.getMessage().contains("not a package name"), e.getMessage());
        }
    }

    @Test
    void aHiddenPackageOfTheClassPathDoesNotExistForTheSources(@TempDir Path classes) throws Exception {
        SourceCompiler.forRunningJvm().compile(Map.of(
                "darwin/trainer/api/Open.java", "package darwin.trainer.api;\npublic class Open {}\n",
                "darwin/trainer/inner/Secret.java", "package darwin.trainer.inner;\npublic class Secret {}\n"))
                .writeClasses(classes);
        SourceCompiler compiler = new SourceCompiler(List.of(classes), VisiblePackages.VARIANT, SourceCompiler.DEFAULT_OPTIONS);

        Compilation open = compiler.compile(Map.of("demo/User.java",
                "package demo;\nclass User { darwin.trainer.api.Open open; }\n"));
        Compilation secret = compiler.compile(Map.of("demo/User.java",
                "package demo;\nimport darwin.trainer.inner.Secret;\nclass User { Secret secret; }\n"));
        Compilation byFullName = compiler.compile(Map.of("demo/User.java",
                "package demo;\nclass User { darwin.trainer.inner.Secret secret; }\n"));

        assertTrue(open.succeeded(), open.report());
        assertEquals("package darwin.trainer.inner does not exist", secret.errors().getFirst().message(), secret.report());
        assertFalse(byFullName.succeeded());
        assertTrue(byFullName.errors().getFirst().message().contains("darwin.trainer.inner"), byFullName.report());
    }
}
