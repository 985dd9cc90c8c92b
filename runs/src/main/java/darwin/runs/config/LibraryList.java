package darwin.runs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The type of {@code run.libraries}: Maven coordinates {@code group:artifact:version}, as a YAML
 * list or as text separated by commas ({@code [a:b:1, c:d:2]} reads too).
 */
final class LibraryList implements SettingType<List<String>> {

    private static final String COORDINATES = "[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[A-Za-z0-9_.+-]+";

    @Override
    public String allowed() {
        return "a list of Maven coordinates group:artifact:version, such as [org.apache.commons:commons-math3:3.6.1]";
    }

    @Override
    public List<String> parse(String text) {
        SettingTypes.notInterpolated(text);
        String inner = text.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> libraries = Arrays.stream(inner.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        check(libraries);
        return libraries;
    }

    @Override
    public List<String> read(JsonNode tree) {
        if (!tree.isArray()) {
            throw new IllegalArgumentException("a YAML mapping is not " + allowed());
        }
        List<String> libraries = new ArrayList<>();
        tree.forEach(item -> libraries.add(item.asText().strip()));
        check(libraries);
        return List.copyOf(libraries);
    }

    @Override
    public void check(List<String> value) {
        for (String coordinates : value) {
            if (coordinates == null || !coordinates.matches(COORDINATES)) {
                throw SettingTypes.refused(String.valueOf(coordinates), "Maven coordinates group:artifact:version");
            }
        }
    }

    @Override
    public String render(List<String> value) {
        return "[" + String.join(", ", value) + "]";
    }
}
