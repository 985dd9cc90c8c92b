package darwin.trainer.resources;

import java.util.List;

/**
 * The package prefixes of the harness, the JDK and the harness's libraries. Nothing a variant
 * brings may put a class in one: neither its own classes (the sandbox's class loader refuses
 * them) nor the files of a library jar it adds ({@link LibraryJar}, which also keeps out the rest
 * of {@code darwin.}). A class there would replace or join the code that measures the variant.
 *
 * <p>It lives here, below the sandbox, so that the sandbox and the resource checks share one list
 * without depending on each other both ways.
 */
public final class HarnessPackages {

    /** Package prefixes a variant may not define classes in. */
    public static final List<String> PROTECTED = List.of(
            "darwin.trainer.", "darwin.core.", "darwin.data.", "darwin.runs.",
            "ai.djl.", "java.", "javax.", "jdk.", "sun.", "com.sun.", "com.fasterxml.", "org.slf4j.");

    private HarnessPackages() {}

    /** Whether a class or file name (with dots) lies in a protected package. */
    public static boolean contains(String name) {
        return PROTECTED.stream().anyMatch(name::startsWith);
    }
}
