package darwin.trainer.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a variant's compiled classes. The variant's own classes are found here first (so that a
 * variant shadows the copy of the seed that ships inside the harness); everything else comes from
 * the harness's class loader. A variant may not define classes in the harness's packages, the
 * JDK's or its libraries': {@link #shadowing} says which it tried.
 */
public final class VariantClassLoader extends ClassLoader {

    /** Package prefixes a variant may not define classes in. */
    public static final List<String> PROTECTED_PACKAGES = List.of(
            "darwin.trainer.", "darwin.core.", "darwin.data.", "darwin.runs.",
            "ai.djl.", "java.", "javax.", "jdk.", "sun.", "com.sun.", "com.fasterxml.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    /**
     * @param classes binary class name → class file bytes
     * @throws IllegalArgumentException when a class lies in a protected package
     */
    public VariantClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("variant", parent);
        shadowing(classes.keySet()).ifPresent(name -> {
            throw new IllegalArgumentException("the variant defines " + name + " in a package of the harness or its libraries");
        });
        this.classes = new HashMap<>(classes);
    }

    /** The first class name that lies in a protected package, if any. */
    public static Optional<String> shadowing(Set<String> classNames) {
        return classNames.stream()
                .filter(name -> PROTECTED_PACKAGES.stream().anyMatch(name::startsWith))
                .sorted()
                .findFirst();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = classes.containsKey(name) ? findClass(name) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
