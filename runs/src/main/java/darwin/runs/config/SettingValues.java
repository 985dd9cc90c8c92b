package darwin.runs.config;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values given to settings, each with where it came from; a setting not given has its
 * default. Immutable: {@link #with} and {@link #without} return new values.
 *
 * <p>The time of loading is part of the values, for defaults that name it (the run's directory).
 */
public final class SettingValues {

    private record Given(Object value, Origin origin) {}

    private final Map<Setting<?>, Given> given;
    private final LocalDateTime loadedAt;

    private SettingValues(Map<Setting<?>, Given> given, LocalDateTime loadedAt) {
        this.given = Map.copyOf(given);
        this.loadedAt = loadedAt;
    }

    /** No setting given: every one at its default, loaded at {@code loadedAt}. */
    public static SettingValues defaults(LocalDateTime loadedAt) {
        return new SettingValues(Map.of(), Objects.requireNonNull(loadedAt, "loadedAt"));
    }

    /** The time these settings were loaded, for defaults that name it. */
    public LocalDateTime loadedAt() {
        return loadedAt;
    }

    /** These values with {@code setting} given {@code value} by {@code origin}, checked. */
    public <T> SettingValues with(Setting<T> setting, T value, Origin origin) {
        setting.check(value);
        Map<Setting<?>, Given> copy = new HashMap<>(given);
        copy.put(setting, new Given(value, Objects.requireNonNull(origin, "origin")));
        return new SettingValues(copy, loadedAt);
    }

    /** These values with {@code setting} back at its default. */
    public SettingValues without(Setting<?> setting) {
        Map<Setting<?>, Given> copy = new HashMap<>(given);
        copy.remove(setting);
        return new SettingValues(copy, loadedAt);
    }

    /** Whether {@code setting} was given a value (rather than left at its default). */
    public boolean isGiven(Setting<?> setting) {
        return given.containsKey(setting);
    }

    /** Where the value of {@code setting} came from: {@link Origin#DEFAULT} when it was not given. */
    public Origin origin(Setting<?> setting) {
        Given g = given.get(setting);
        return g == null ? Origin.DEFAULT : g.origin();
    }

    /**
     * The value of {@code setting}: the one given, else its default; empty for an optional setting
     * that was not given.
     */
    public <T> Optional<T> find(Setting<T> setting) {
        Given g = given.get(setting);
        if (g != null) {
            @SuppressWarnings("unchecked") // with() only stores a T for a Setting<T>
            T value = (T) g.value();
            return Optional.of(value);
        }
        return switch (setting.byDefault()) {
            case Setting.Default.Value<T> v -> Optional.of(v.value());
            case Setting.Default.Derived<T> d -> Optional.of(d.compute().apply(this));
            case Setting.Default.None<T> n -> Optional.empty();
        };
    }

    /**
     * The value of {@code setting}, given or by default.
     *
     * @throws IllegalStateException for an optional setting that was not given
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException(setting.key() + " has no value"));
    }
}
