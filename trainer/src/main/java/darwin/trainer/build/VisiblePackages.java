package darwin.trainer.build;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which packages of a compilation's class path its sources may use: every one but those within a
 * {@code hidden} package, unless they lie within one of the {@code exceptions}. "Within" means the
 * package itself or one below it. A hidden package is absent for the sources: javac says it "does
 * not exist", as it would if the class path did not hold it.
 *
 * <p>A variant's compilation ({@link #VARIANT}) sees none of darwin's packages but the harness
 * API's: the harness's class-path entry holds the harness, the seed and darwin's vocabulary too,
 * which a variant may not build on.
 */
public record VisiblePackages(List<String> hidden, List<String> exceptions) {

    /** A package's name; declared first, as the constants below are checked with it. */
    private static final Pattern PACKAGE = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    /** Every package of the class path. */
    public static final VisiblePackages ALL = new VisiblePackages(List.of(), List.of());

    /** The harness API ({@code darwin.trainer.api}) and no other package of darwin's. */
    public static final VisiblePackages VARIANT = new VisiblePackages(List.of("darwin"), List.of("darwin.trainer.api"));

    /**
     * @throws IllegalArgumentException when a name is not a package name
     */
    public VisiblePackages {
        hidden = List.copyOf(hidden);
        exceptions = List.copyOf(exceptions);
        for (String name : hidden) {
            check(name);
        }
        for (String name : exceptions) {
            check(name);
        }
    }

    /** Whether the sources may use the classes of {@code packageName} ({@code ""} for the unnamed package). */
    public boolean shows(String packageName) {
        return hidden.stream().noneMatch(root -> within(packageName, root))
                || exceptions.stream().anyMatch(root -> within(packageName, root));
    }

    private static boolean within(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static void check(String name) {
        if (!PACKAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a package name: \"" + name + "\"");
        }
    }
}
