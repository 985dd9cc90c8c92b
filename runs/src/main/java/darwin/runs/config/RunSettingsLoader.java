package darwin.runs.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a run's settings: the defaults of {@link Settings}, then the YAML file if one is given,
 * then the flags, each overriding what came before; then the checks of {@link RunSettings}.
 *
 * <p>A budget flag replaces the file's budget, whichever kind it was: {@code --steps} over a file
 * with {@code budget.seconds} gives a step budget, {@code --equal-time} over one with
 * {@code budget.tokens} an equal-time budget.
 */
public final class RunSettingsLoader {

    private final Clock clock;

    /** A loader that names a default run directory after the system clock's time. */
    public RunSettingsLoader() {
        this(Clock.systemDefaultZone());
    }

    /** A loader that names a default run directory after {@code clock}'s time. */
    public RunSettingsLoader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The settings of {@code file} (none: every setting at its default) overridden by
     * {@code overrides}, the text of each flag by the setting it sets (such as
     * {@link Settings#AGENTS} → {@code "8"} for {@code --population 8}).
     *
     * @throws ConfigException with a one-line message that names the setting, the value, what is
     *     allowed and where the value came from
     */
    public RunSettings load(Optional<Path> file, Map<Setting<?>, String> overrides) {
        SettingValues values = values(file, overrides);
        try {
            return RunSettings.from(values);
        } catch (ConfigException e) {
            throw e.locatedBy(values);
        }
    }

    /**
     * The values that {@link #load} checks and builds its settings from, each with where it came from.
     *
     * @throws ConfigException as {@link #load}, for the problems of single values
     */
    public SettingValues values(Optional<Path> file, Map<Setting<?>, String> overrides) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(overrides, "overrides");
        for (Setting<?> setting : overrides.keySet()) {
            if (!Settings.all().contains(setting)) {
                throw new IllegalArgumentException(setting.key() + " is not one of the run's settings");
            }
        }
        SettingValues values = SettingValues.defaults(LocalDateTime.now(clock));
        if (file.isPresent()) {
            values = YamlSettingsFile.read(file.get(), values);
        }
        if (Settings.budgets().stream().filter(overrides::containsKey).count() > 1) {
            throw new ConfigException("give one budget: --budget-seconds, --steps, --tokens, --flops or --equal-time, not several");
        }
        for (Setting<?> setting : Settings.all()) {
            if (overrides.containsKey(setting)) {
                values = override(values, setting, overrides.get(setting));
            }
        }
        return values;
    }

    private static <T> SettingValues override(SettingValues values, Setting<T> setting, String text) {
        Origin origin = new Origin.Flag(setting.flag().map(Setting.Flag::name).orElse(setting.key()));
        T value = setting.parse(text, origin);
        SettingValues base = values;
        if (Settings.budgets().contains(setting)) {
            for (Setting<?> other : Settings.budgets()) {
                base = base.without(other); // a budget flag replaces the file's budget, whichever kind it was
            }
        }
        return base.with(setting, value, origin);
    }
}
