package darwin.trainer.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} arguments the parent passes a child process. */
record ChildArguments(Map<String, String> values) {

    static ChildArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new ChildArguments(Map.copyOf(values));
    }

    static List<String> of(String... namesAndValues) {
        return List.of(namesAndValues);
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
