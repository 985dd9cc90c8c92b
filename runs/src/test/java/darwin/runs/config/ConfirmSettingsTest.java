package darwin.runs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmSettingsTest {

    private static final RunSettingsLoader LOADER = new RunSettingsLoader();

    @TempDir
    Path tmp;

    private Path file(String yaml) throws IOException {
        Path file = tmp.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aRunConfirmsItsBestThreeTimesEachByDefault() {
        assertEquals(new ConfirmSettings(true, 3), LOADER.load(Optional.empty(), Map.of()).confirm());
    }

    @Test
    void theFileSetsBothAndTheFlagTurnsItOff() throws IOException {
        Path file = file("confirm:\n  enabled: true\n  repeat: 5\n");
        assertEquals(new ConfirmSettings(true, 5), LOADER.load(Optional.of(file), Map.of()).confirm());
        Setting<?> flag = Settings.flagged("--no-confirm").orElseThrow();
        assertEquals(Settings.CONFIRM, flag);
        assertEquals(new ConfirmSettings(false, 5), LOADER.load(Optional.of(file), Map.of(flag, "false")).confirm());
    }

    @Test
    void fewerThanTwoEvaluationsGiveNoIntervalAndAreRefused() throws IOException {
        Path file = file("confirm:\n  repeat: 1\n");
        String message = assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(file), Map.of())).getMessage();
        assertTrue(message.contains("confirm.repeat") && message.contains("from 2 to 100") && message.contains("line 2"),
                message);
        String typo = assertThrows(ConfigException.class, () -> LOADER.load(Optional.of(file("confirm:\n  repaet: 4\n")),
                Map.of())).getMessage();
        assertTrue(typo.contains("confirm.repeat"), typo);
    }

    @Test
    void theSettingsAreDocumentedInTheirOwnSection() {
        String table = ConfigurationDocs.table();
        assertTrue(table.contains("| `confirm.enabled` | `--no-confirm` | `true` |"), table);
        assertTrue(table.contains("| `confirm.repeat` |  | `3` |"), table);
        assertTrue(ConfigurationDocs.yamlExample().contains("confirm:\n"), ConfigurationDocs.yamlExample());
    }
}
