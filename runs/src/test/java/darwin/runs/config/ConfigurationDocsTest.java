package darwin.runs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDocsTest {

    /** Set to true ({@code -Ddarwin.writeDocs=true}) to write CONFIGURATION.md instead of comparing. */
    private static final String WRITE = "darwin.writeDocs";

    /** The repository's root: the folder above this module, where the parent POM is. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("runs")) && Files.exists(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "the repository's root is not above " + Path.of("").toAbsolutePath());
        return dir;
    }

    @Test
    void configurationMdIsTheGeneratedText() throws IOException {
        Path file = root().resolve("CONFIGURATION.md");
        String generated = ConfigurationDocs.markdown();
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(file, generated);
        }
        assertTrue(Files.exists(file), "CONFIGURATION.md is missing: run this test with -D" + WRITE + "=true");
        assertEquals(generated, Files.readString(file), "CONFIGURATION.md is out of date with darwin.runs.config.Settings:"
                + " run this test with -D" + WRITE + "=true and commit the file");
    }

    @Test
    void theExampleFileReadsBackAsTheDefaults(@TempDir Path tmp) throws IOException {
        RunSettingsLoader loader = new RunSettingsLoader(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
        Path example = tmp.resolve("run.yaml");
        Files.writeString(example, ConfigurationDocs.yamlExample());
        assertEquals(loader.load(Optional.empty(), Map.of()), loader.load(Optional.of(example), Map.of()));
    }

    @Test
    void everySettingIsDocumentedOnceAndEveryFlagIsUnique() {
        String table = ConfigurationDocs.table();
        Set<String> flags = new HashSet<>();
        for (Setting<?> setting : Settings.all()) {
            assertTrue(table.contains("| `" + setting.key() + "` |"), setting.key());
            setting.flag().ifPresent(flag -> assertTrue(flags.add(flag.name()), flag.name()));
            assertEquals(Optional.of(setting), Settings.named(setting.key()));
        }
        assertEquals(Settings.all().size(), Set.copyOf(Settings.all().stream().map(Setting::key).toList()).size());
        assertEquals(Set.of("--population", "--generations", "--budget-seconds", "--steps", "--tokens", "--flops",
                "--equal-time", "--slots", "--device", "--executor", "--provider", "--model", "--seed", "--out", "--await-approval",
                "--no-confirm", "--rungs"), flags);
    }

    @Test
    void everySectionHoldsASettingAndEverySettingIsInADocumentedSection() {
        for (String section : Settings.sections().keySet()) {
            assertTrue(Settings.all().stream().anyMatch(s -> s.key().startsWith(section + ".")), section);
        }
        for (Setting<?> setting : Settings.all()) {
            assertTrue(setting.section().isEmpty() || Settings.sections().containsKey(setting.section()), setting.key());
        }
    }
}
