package darwin.runs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTypesTest {

    @Test
    void wordsAreAListOrSplitAtSpacesAndComeBackAsTheyWere() {
        SettingType<List<String>> words = SettingTypes.words("sbatch arguments");
        List<String> args = List.of("--constraint=a100,v100", "--exclusive");
        assertEquals(args, words.parse("--constraint=a100,v100  --exclusive"));
        assertEquals(args, words.parse(words.render(args)));
        assertEquals(List.of("--exclusive", "--nice=10"), words.parse("[--exclusive, --nice=10]"));
        assertEquals(List.of(), words.parse(""));
        assertThrows(IllegalArgumentException.class, () -> words.check(List.of("--comment=two words")));
        assertThrows(IllegalArgumentException.class, () -> SettingTypes.shellLines().parse("  "));
        assertEquals("module load java/21\nexport X=$HOME", SettingTypes.shellLines().parse("module load java/21\nexport X=$HOME\n"));
    }

    @Test
    void sizesTakeBinaryUnits() {
        assertEquals(512L << 20, Size.parse("512m").bytes());
        assertEquals(8L << 30, Size.parse("8g").bytes());
        assertEquals(8L << 30, Size.parse("8G").bytes());
        assertEquals(8L << 30, Size.parse("8GiB").bytes());
        assertEquals(1L << 40, Size.parse("1t").bytes());
        assertEquals(64L << 10, Size.parse("64k").bytes());
        assertEquals(1000, Size.parse("1000").bytes());
        for (String bad : List.of("", "g", "1.5g", "-1g", "8 gigs", "8x", "99999999999999999999", "9000000000000g")) {
            assertThrows(IllegalArgumentException.class, () -> Size.parse(bad), bad);
        }
    }

    @Test
    void aSizeIsWrittenInItsLargestExactUnit() {
        assertEquals("2g", Size.gigabytes(2).toString());
        assertEquals("1536m", Size.megabytes(1536).toString());
        assertEquals("1t", Size.gigabytes(1024).toString());
        assertEquals("1000", new Size(1000).toString());
        assertEquals("0", new Size(0).toString());
        assertEquals(Size.megabytes(1536), Size.parse(Size.megabytes(1536).toString()));
    }

    @Test
    void durationsAreSecondsUnlessTheySayOtherwise() {
        SettingType<Duration> type = SettingTypes.duration(Duration.ofMillis(1), Duration.ofDays(2));
        assertEquals(Duration.ofSeconds(60), type.parse("60"));
        assertEquals(Duration.ofMillis(1500), type.parse("1.5"));
        assertEquals(Duration.ofSeconds(90), type.parse("90s"));
        assertEquals(Duration.ofMinutes(5), type.parse("5m"));
        assertEquals(Duration.ofHours(1), type.parse("1h"));
        assertEquals(Duration.ofMillis(250), type.parse("250ms"));
        assertEquals("300s", type.render(Duration.ofMinutes(5)));
        assertEquals("1500ms", type.render(Duration.ofMillis(1500)));
        assertEquals("'3 days' is not a duration such as 60s, 5m or 1h (a plain number is seconds) from 1ms to 172800s",
                assertThrows(IllegalArgumentException.class, () -> type.parse("3 days")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> type.parse("3d"));
        assertThrows(IllegalArgumentException.class, () -> type.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> type.parse("0.0001"));
    }

    @Test
    void numbersAreStrict() {
        SettingType<Double> number = SettingTypes.decimal(0, 2);
        assertEquals(0.2, number.parse("0.2"));
        assertEquals(1.0, number.parse("1e0"));
        assertEquals("0.2", number.render(0.2));
        assertEquals("1", number.render(1.0));
        for (String bad : List.of("NaN", "Infinity", "0x1p0", "1d", "2.5", "-0.1", "")) {
            assertThrows(IllegalArgumentException.class, () -> number.parse(bad), bad);
        }
        SettingType<Integer> whole = SettingTypes.wholeNumber(1, 10);
        assertEquals(3, whole.parse("3"));
        for (String bad : List.of("3.0", "0", "11", "three", "0x3")) {
            assertThrows(IllegalArgumentException.class, () -> whole.parse(bad), bad);
        }
    }

    @Test
    void noneIsAValueOnlyWhereAllowed() {
        SettingType<Optional<Size>> memory = SettingTypes.orNone(SettingTypes.size(Size.megabytes(1), Size.gigabytes(1)));
        assertEquals(Optional.empty(), memory.parse("none"));
        assertEquals(Optional.empty(), memory.parse("NONE"));
        assertEquals(Optional.of(Size.megabytes(300)), memory.parse("300m"));
        assertEquals("none", memory.render(Optional.empty()));
        assertEquals("a size such as 512m or 8g from 1m to 1g, or none", memory.allowed());
    }

    @Test
    void choicesAndBooleansIgnoreCase() {
        assertEquals(Selection.WEIGHTED, Settings.SELECTION.parse("Weighted"));
        assertEquals(true, Settings.AWAIT_APPROVAL.parse("TRUE"));
        assertEquals(true, Settings.AWAIT_APPROVAL.parse("yes"));
        assertEquals(false, Settings.AWAIT_APPROVAL.parse("off"));
    }

    @Test
    void closeMisspellingsAreFound() {
        assertEquals(Optional.of("population.agents"), Settings.closest("population.agnets"));
        assertEquals(Optional.of("llm.max-output-tokens"), Settings.closest("llm.max-output-token"));
        assertEquals(Optional.of("evaluation"), Settings.closest("evalution"));
        assertEquals(Optional.of("run.out"), Settings.closest("run.output"));
        assertEquals(Optional.of("llm.provider"), Settings.closest("provider"));
        assertEquals(Optional.empty(), Settings.closest("population.colour"));
    }
}
