package darwin.runs.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used: an unknown key, a value of the wrong type or out of range,
 * settings that contradict each other, a file that cannot be read. The message is one line that
 * says what is wrong, with what, and what is allowed.
 */
public final class ConfigException extends IllegalArgumentException {

    /** The keys of the settings the problem is about, for {@link #locatedBy}. */
    private final List<String> keys;

    /** A problem described by {@code message}. */
    public ConfigException(String message) {
        this(message, List.of(), null);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public ConfigException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    private ConfigException(String message, List<String> keys, Throwable cause) {
        super(message, cause);
        this.keys = List.copyOf(keys);
    }

    /**
     * A problem with the values of {@code settings} together, such as more elites than agents; the
     * loader adds where each value came from.
     */
    public static ConfigException between(String message, Setting<?>... settings) {
        return new ConfigException(message, Arrays.stream(settings).map(Setting::key).toList(), null);
    }

    /** The keys of the settings this problem is about; empty when it is not about given values. */
    public List<String> keys() {
        return keys;
    }

    /**
     * The same problem, with where each of its settings' values came from in {@code values}
     * appended: {@code (population.elites: run.yaml line 4; population.agents: default)}.
     */
    ConfigException locatedBy(SettingValues values) {
        if (keys.isEmpty()) {
            return this;
        }
        String where = keys.stream()
                .map(key -> key + ": " + Settings.named(key).map(values::origin).map(Origin::describe).orElse("?"))
                .collect(Collectors.joining("; "));
        return new ConfigException(getMessage() + " (" + where + ")", keys, this);
    }
}
