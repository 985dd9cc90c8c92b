package darwin.population.upgrade;

import darwin.core.ResourceManifest;
import darwin.core.Variant;
import java.util.Map;

/**
 * A stand-in for the trainer's manifest: an approval's value {@code {name}} records one resource,
 * and a variant lists its resources one a line in {@value #FILE}.
 */
final class ListedResources implements ResourceManifest {

    static final String FILE = "resources/listed.txt";

    @Override
    public Resource approved(String value) {
        String name = value.strip();
        if (!name.startsWith("{") || !name.endsWith("}") || name.length() < 3) {
            throw new IllegalArgumentException("not {name}: " + value);
        }
        return new Resource("resource " + name.substring(1, name.length() - 1), name);
    }

    @Override
    public Variant listing(Variant variant, Resource resource) {
        String listed = variant.files().getOrDefault(FILE, "");
        if (listed.lines().anyMatch(resource.value()::equals)) {
            return variant;
        }
        return variant.derive(Map.of(FILE, listed + resource.value() + "\n"));
    }
}
