package darwin.trainer.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The libraries and modules that darwin uses and a variant may not: none of their packages may be
 * in a child's class path ({@link ChildClasspath} refuses an entry that holds one), and a variant
 * that asks for one of their classes by name is told so ({@link VariantClassLoader}). Its compile
 * class path does not hold them either. The list names what darwin's own class path carries.
 */
enum ReservedLibrary {

    JACKSON("Jackson", "com.fasterxml.jackson."),
    LANGCHAIN4J("LangChain4j", "dev.langchain4j."),
    JTOKKIT("JTokkit (LangChain4j's)", "com.knuddels.jtokkit."),
    PICOCLI("picocli", "picocli."),
    CAFFEINE("Caffeine", "com.github.benmanes.caffeine."),
    JENETICS("Jenetics", "io.jenetics."),
    SNAKEYAML("SnakeYAML", "org.yaml.snakeyaml."),
    COMMONS_STATISTICS("Commons Statistics", "org.apache.commons.statistics."),
    MUTATION("darwin's mutation module", "darwin.mutation."),
    MEMORY("darwin's memory module", "darwin.memory."),
    POPULATION("darwin's population module", "darwin.population."),
    RUNS("darwin's application (the runs module)", "darwin.runs.");

    private final String what;
    private final String packagePrefix;

    ReservedLibrary(String what, String packagePrefix) {
        this.what = what;
        this.packagePrefix = packagePrefix;
    }

    /** The library's name, for messages. */
    String what() {
        return what;
    }

    /** The start of every binary class name of the library, such as {@code com.fasterxml.jackson.}. */
    String packagePrefix() {
        return packagePrefix;
    }

    /** The start of the path of every class file of the library in a jar or a folder. */
    String pathPrefix() {
        return packagePrefix.replace('.', '/');
    }

    /** The library a class belongs to, if it is a reserved one. */
    static Optional<ReservedLibrary> of(String className) {
        return Arrays.stream(values()).filter(library -> className.startsWith(library.packagePrefix)).findFirst();
    }
}
