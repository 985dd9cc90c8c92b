package darwin.trainer.variant;

import darwin.core.Variant;
import darwin.trainer.resources.VariantResources;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules on which files a variant may change. Its mutable set is everything under
 * {@code program/}; every other file is a harness file, which must be present and identical to
 * the copy that ships with darwin, except the resource manifest ({@link VariantResources#MANIFEST}),
 * which lists what people approved for the variant. Harness files are references for the
 * program's authors; the program is always built and run against the harness's own classes.
 */
public final class HarnessFiles {

    /** The folder of the mutable set. */
    public static final String MUTABLE_ROOT = "program/";

    private static final SortedMap<String, String> BUNDLED = bundledHarnessFiles();

    private HarnessFiles() {}

    /** Whether a variant may change the file at {@code path}. */
    public static boolean isMutable(String path) {
        return path.startsWith(MUTABLE_ROOT);
    }

    /** The harness files every variant carries, by path. */
    public static SortedMap<String, String> bundled() {
        return BUNDLED;
    }

    /** Empty when the variant kept every harness file as shipped; otherwise what changed. */
    public static Optional<String> tampering(Variant variant) {
        for (Map.Entry<String, String> file : variant.files().entrySet()) {
            if (isMutable(file.getKey()) || file.getKey().equals(VariantResources.MANIFEST)) {
                continue;
            }
            String shipped = BUNDLED.get(file.getKey());
            if (shipped == null) {
                return Optional.of("the file " + file.getKey() + " is outside the mutable set " + MUTABLE_ROOT
                        + " and is not a harness file");
            }
            if (!shipped.equals(file.getValue())) {
                return Optional.of("the harness file " + file.getKey() + " was changed");
            }
        }
        for (String path : BUNDLED.keySet()) {
            if (!variant.files().containsKey(path)) {
                return Optional.of("the harness file " + path + " was removed");
            }
        }
        return Optional.empty();
    }

    private static SortedMap<String, String> bundledHarnessFiles() {
        var all = BundledFiles.read(SeedVariant.FOLDER, SeedVariant.MARKER);
        var harness = new TreeMap<String, String>();
        all.forEach((path, content) -> {
            if (!isMutable(path)) {
                harness.put(path, content);
            }
        });
        return Collections.unmodifiableSortedMap(harness);
    }
}
