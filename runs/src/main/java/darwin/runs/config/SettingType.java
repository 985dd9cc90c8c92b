package darwin.runs.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The type of a setting: how its value is read from text (a flag, or a YAML scalar) or from a YAML
 * tree, which values are allowed, and how a value is written back. {@link SettingTypes} holds the
 * types of darwin's settings.
 *
 * @param <T> the type of the values
 */
public interface SettingType<T> {

    /** What is allowed, to finish a sentence: {@code a whole number from 2 to 256}. */
    String allowed();

    /**
     * The value {@code text} stands for, checked.
     *
     * @throws IllegalArgumentException with a message that quotes {@code text} and says why it is
     *     not allowed
     */
    T parse(String text);

    /**
     * The value of a YAML mapping or list. Settings are scalars unless their type says otherwise.
     *
     * @throws IllegalArgumentException saying why the tree is not allowed
     */
    default T read(JsonNode tree) {
        throw new IllegalArgumentException("a YAML " + (tree.isArray() ? "list" : "mapping") + " is not " + allowed());
    }

    /**
     * Checks a value made in code rather than parsed.
     *
     * @throws IllegalArgumentException with a message that quotes the value and says why it is not
     *     allowed
     */
    void check(T value);

    /** The text that {@link #parse} reads back as {@code value}; in YAML, a scalar or a flow collection. */
    String render(T value);
}
