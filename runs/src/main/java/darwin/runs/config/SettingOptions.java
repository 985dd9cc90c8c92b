package darwin.runs.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The flags of some settings as picocli options, made from {@link Settings} rather than declared
 * again in each command: the flag's name and label, the setting's doc, what it allows and its
 * default. A command adds them to its model with a model transformer and reads back what was given
 * as {@link #given}, the text of each flag by the setting it overrides, for
 * {@link RunSettingsLoader}.
 *
 * <p>Every option takes its value as text: the setting's own parser reads it later, so a flag and a
 * YAML key accept the same values and fail with the same one-line messages. A
 * {@link Setting.Flag.Switch} takes no argument and gives the fixed text it stands for.
 */
public final class SettingOptions {

    private final List<Setting<?>> settings;
    private final Optional<String> defaults;

    private SettingOptions(List<Setting<?>> settings, Optional<String> defaults) {
        this.settings = List.copyOf(settings);
        this.defaults = defaults;
        for (Setting<?> setting : this.settings) {
            if (setting.flag().isEmpty()) {
                throw new IllegalArgumentException(setting.key() + " has no flag");
            }
        }
        if (this.settings.stream().map(s -> s.flag().orElseThrow().name()).distinct().count() != this.settings.size()) {
            throw new IllegalArgumentException("a flag is given twice among " + this.settings);
        }
    }

    /** The flags of {@code settings}, each of which must have one. */
    public static SettingOptions of(List<Setting<?>> settings) {
        return new SettingOptions(settings, Optional.empty());
    }

    /** The flags of {@code settings}, each of which must have one. */
    public static SettingOptions of(Setting<?>... settings) {
        return of(List.of(settings));
    }

    /** Every flag of {@link Settings}: what {@code darwin run} takes. */
    public static SettingOptions all() {
        return of(Settings.withFlags());
    }

    /**
     * The same flags with every default shown as {@code description}: for a command that continues
     * a run, where a setting left alone keeps the run's value, not the settings' default.
     */
    public SettingOptions defaultsShownAs(String description) {
        return new SettingOptions(settings, Optional.of(description));
    }

    /** {@code spec} with one option for each flag; a model transformer returns it. */
    public CommandSpec addTo(CommandSpec spec) {
        for (Setting<?> setting : settings) {
            spec.addOption(option(setting));
        }
        return spec;
    }

    /**
     * The text each flag was given on the command line that {@code spec} last parsed, by the setting
     * it overrides, in the order of {@link Settings}; a switch gives the text it stands for.
     *
     * @throws IllegalArgumentException if {@code spec} lacks one of these flags: {@link #addTo} was not applied
     */
    public Map<Setting<?>, String> given(CommandSpec spec) {
        SequencedMap<Setting<?>, String> given = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            Setting.Flag flag = setting.flag().orElseThrow();
            OptionSpec option = spec.findOption(flag.name());
            if (option == null) {
                throw new IllegalArgumentException(spec.qualifiedName() + " has no option " + flag.name());
            }
            Object value = option.getValue();
            switch (flag) {
                case Setting.Flag.Valued valued -> {
                    if (value != null) {
                        given.put(setting, (String) value);
                    }
                }
                case Setting.Flag.Switch toggle -> {
                    if (Boolean.TRUE.equals(value)) {
                        given.put(setting, toggle.text());
                    }
                }
            }
        }
        return given;
    }

    /**
     * The value given to {@code setting}'s flag on the command line that {@code spec} last parsed,
     * read by the setting's parser; empty when the flag was not given.
     *
     * @throws ConfigException naming the flag, the setting, the text and what is allowed, as
     *     {@link RunSettingsLoader} does
     */
    public <T> Optional<T> value(CommandSpec spec, Setting<T> setting) {
        if (!settings.contains(setting)) {
            throw new IllegalArgumentException(setting.key() + " is not among these flags");
        }
        Origin origin = new Origin.Flag(setting.flag().orElseThrow().name());
        return Optional.ofNullable(given(spec).get(setting)).map(text -> setting.parse(text, origin));
    }

    /** The option of {@code setting}'s flag. */
    OptionSpec option(Setting<?> setting) {
        Setting.Flag flag = setting.flag().orElseThrow();
        return switch (flag) {
            case Setting.Flag.Valued valued -> OptionSpec.builder(valued.name())
                    .paramLabel(valued.label())
                    .type(String.class)
                    .description(literal(description(setting)))
                    .build();
            case Setting.Flag.Switch toggle -> OptionSpec.builder(toggle.name())
                    .arity("0")
                    .type(Boolean.class)
                    .description(literal(description(setting)))
                    .build();
        };
    }

    /**
     * The usage text of {@code setting}'s flag: the setting's doc, then what the flag allows and the
     * default, such as {@code How many agents; … A whole number from 2 to 256; default: 4.}, or for
     * a switch the value it sets: {@code … This flag sets it to false; default: true.}
     */
    String description(Setting<?> setting) {
        String byDefault = "; default: " + defaults.orElse(setting.byDefault().description()) + ".";
        return setting.doc() + " " + switch (setting.flag().orElseThrow()) {
            case Setting.Flag.Valued valued -> capitalized(setting.type().allowed()) + byDefault;
            case Setting.Flag.Switch toggle -> "This flag sets it to " + toggle.text() + byDefault;
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code text} shown as it is: picocli reads {@code %} as a format and {@code ${…}} as a variable. */
    private static String literal(String text) {
        return text.replace("%", "%%").replace("${", "$${");
    }
}
