package darwin.runs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of a run: its YAML key, its flag if it has one, its type, its default and a
 * one-line doc. Every setting is declared once, in {@link Settings}; files, flags, checks and
 * documentation all go through these descriptors.
 *
 * @param key the dotted YAML path, such as {@code population.agents}
 * @param flag the command-line flag that overrides it, if any
 * @param type how its values are read, checked and written
 * @param byDefault its value when neither the file nor a flag gives one
 * @param doc what it means, one sentence
 * @param <T> the type of its values
 */
public record Setting<T>(String key, Optional<Flag> flag, SettingType<T> type, Default<T> byDefault, String doc) {

    /**
     * A command-line flag: one that takes the setting's value as its argument, or a switch that
     * stands for one fixed value. Either way the text goes through the setting's own parser, so a
     * flag and a YAML key accept the same values and fail with the same messages.
     */
    public sealed interface Flag {

        /** The flag, such as {@code --population}. */
        String name();

        /** {@code --population N}; a switch is its name alone. */
        String usage();

        /**
         * A flag with the setting's value as its argument.
         *
         * @param name the flag, such as {@code --population}
         * @param label the placeholder of its value in usage text, such as {@code N}
         */
        record Valued(String name, String label) implements Flag {
            public Valued {
                requireFlagName(name);
                if (label == null || !label.matches("[A-Z][A-Z0-9_]*")) {
                    throw new IllegalArgumentException(name + " needs an upper-case label for its value, got " + label);
                }
            }

            @Override
            public String usage() {
                return name + " " + label;
            }
        }

        /**
         * A flag without an argument that sets its setting to one value: {@code --no-confirm} is
         * {@code confirm.enabled: false}.
         *
         * @param name the flag, such as {@code --no-confirm}
         * @param text the value it sets, as the setting's parser reads it
         */
        record Switch(String name, String text) implements Flag {
            public Switch {
                requireFlagName(name);
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException(name + " needs the value it sets");
                }
            }

            @Override
            public String usage() {
                return name;
            }
        }

        private static void requireFlagName(String name) {
            if (name == null || !name.matches("--[a-z][a-z-]*")) {
                throw new IllegalArgumentException("a flag looks like --name, got " + name);
            }
        }
    }

    /**
     * What a setting is when nobody sets it.
     *
     * @param <T> the type of its values
     */
    public sealed interface Default<T> {

        /** How the default reads in the documentation. */
        String description();

        /** A fixed value. */
        record Value<T>(T value, String description) implements Default<T> {}

        /** A value computed from the other settings, such as offspring = agents. */
        record Derived<T>(String description, Function<SettingValues, T> compute) implements Default<T> {}

        /** No value: the setting is optional, and {@code description} says what its absence means. */
        record None<T>(String description) implements Default<T> {}
    }

    public Setting {
        if (key == null || !key.matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)*")) {
            throw new IllegalArgumentException("a setting's key is dotted lower-case words, got " + key);
        }
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(byDefault, "byDefault");
        if (doc == null || doc.isBlank() || doc.contains("\n")) {
            throw new IllegalArgumentException(key + " needs a one-line doc");
        }
        if (byDefault instanceof Default.Value<T> value) {
            type.check(value.value());
        }
        if (flag.orElse(null) instanceof Flag.Switch toggle) {
            type.parse(toggle.text()); // a switch that sets a value its setting refuses is a mistake in the code
        }
    }

    /** A setting whose default is {@code value}. */
    public static <T> Setting<T> of(String key, SettingType<T> type, T value, String doc) {
        return new Setting<>(key, Optional.empty(), type, new Default.Value<>(value, type.render(value)), doc);
    }

    /** A setting whose default is computed from the others, and reads as {@code description}. */
    public static <T> Setting<T> derived(String key, SettingType<T> type, String description,
            Function<SettingValues, T> compute, String doc) {
        return new Setting<>(key, Optional.empty(), type, new Default.Derived<>(description, compute), doc);
    }

    /** An optional setting without a default; {@code description} says what its absence means. */
    public static <T> Setting<T> optional(String key, SettingType<T> type, String description, String doc) {
        return new Setting<>(key, Optional.empty(), type, new Default.None<>(description), doc);
    }

    /** The same setting, overridden by the flag {@code name} with a value shown as {@code label}. */
    public Setting<T> withFlag(String name, String label) {
        return new Setting<>(key, Optional.of(new Flag.Valued(name, label)), type, byDefault, doc);
    }

    /** The same setting, set to {@code value} by the switch {@code name}, a flag without an argument. */
    public Setting<T> withSwitch(String name, T value) {
        type.check(value);
        return new Setting<>(key, Optional.of(new Flag.Switch(name, type.render(value))), type, byDefault, doc);
    }

    /** The last part of the key: {@code agents} for {@code population.agents}. */
    public String name() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The section the key is in: {@code population} for {@code population.agents}; empty at the top. */
    public String section() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /**
     * The value {@code text} stands for.
     *
     * @throws ConfigException naming this setting, the text and what is allowed
     */
    public T parse(String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value {@code text}, from {@code origin}, stands for.
     *
     * @throws ConfigException as {@link #parse}, the message led by where the text came from:
     *     {@code flag --population: population.agents: …}
     */
    public T parse(String text, Origin origin) {
        if (text == null) {
            throw new ConfigException(origin.describe() + ": " + key + " needs a value");
        }
        try {
            return parse(text);
        } catch (ConfigException e) {
            throw new ConfigException(origin.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value of a YAML mapping or list.
     *
     * @throws ConfigException naming this setting and saying what is allowed
     */
    public T read(JsonNode tree) {
        try {
            return type.read(tree);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code value}, checked: for the records of {@link RunSettings}, which check themselves.
     *
     * @throws ConfigException naming this setting, the value and what is allowed
     */
    public T check(T value) {
        if (value == null) {
            throw new ConfigException(key + " needs a value");
        }
        try {
            type.check(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage(), e);
        }
    }

    /** {@code value} as the configuration writes it. */
    public String render(T value) {
        return type.render(value);
    }
}
