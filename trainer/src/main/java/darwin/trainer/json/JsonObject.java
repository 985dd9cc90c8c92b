package darwin.trainer.json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object built field by field and written as one line: strings, integers, floating-point
 * numbers, booleans and nested objects, in the order they were first put; putting a name again replaces its
 * value in place. It writes what Jackson writes for the same tree, so that a reader cannot tell
 * them apart: a double as {@link Double#toString(double)} spells it, and a NaN or an infinity,
 * which JSON has no number for, as a string ({@code "NaN"}, {@code "Infinity"}). Strings are written
 * in ASCII: every other character, a lone surrogate included, is escaped, so any Java string survives
 * the trip.
 *
 * <p>Not thread-safe: one thread builds an object, then writes it.
 */
public final class JsonObject {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonObject put(String name, String value) {
        fields.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    public JsonObject put(String name, long value) {
        fields.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    public JsonObject put(String name, boolean value) {
        fields.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    public JsonObject put(String name, double value) {
        fields.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /** A new, empty object under {@code name}, which the caller fills. */
    public JsonObject putObject(String name) {
        JsonObject nested = new JsonObject();
        fields.put(Objects.requireNonNull(name, "name"), nested);
        return nested;
    }

    /** The object as one line of JSON. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(32 + 24 * fields.size());
        writeTo(out);
        return out.toString();
    }

    /** The object as one line of JSON, in UTF-8 (which is ASCII here). */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    private void writeTo(StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(field.getKey(), out);
            out.append(':');
            writeValue(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeValue(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String text -> writeString(text, out);
            case Long number -> out.append(number.longValue());
            case Boolean flag -> out.append(flag.booleanValue());
            case Double number when Double.isFinite(number) -> out.append(number.doubleValue());
            case Double number -> writeString(number.toString(), out);
            case JsonObject nested -> nested.writeTo(out);
            default -> throw new IllegalStateException("not a JSON value: " + value.getClass());
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }
}
