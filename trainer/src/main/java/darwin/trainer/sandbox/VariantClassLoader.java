package darwin.trainer.sandbox;

import darwin.trainer.resources.HarnessPackages;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a variant's compiled classes. The variant's own classes are found here first (so that a
 * variant shadows the copy of the seed that ships inside the harness); everything else comes from
 * the harness's class loader. A variant may not define classes in the harness's packages, the
 * JDK's or its libraries' ({@link HarnessPackages}): {@link #shadowing} says which it tried.
 *
 * <p>A variant may use the harness API, DJL and the libraries its manifest lists. The child's
 * class path holds none of darwin's other libraries ({@link ChildClasspath}); a class of one
 * ({@link ReservedLibrary}), or of darwin's own code other than the harness API, asked for
 * through this loader (a reference, or {@code Class.forName} in the variant's code) is refused
 * with a {@link ClassNotFoundException} that says so ({@link #refusal}). Asked for through the
 * system class loader it is simply not found, as the class path lacks it.
 */
public final class VariantClassLoader extends ClassLoader {

    /** The one package of darwin's that a variant may use. */
    static final String HARNESS_API = "darwin.trainer.api.";

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
                .filter(HarnessPackages::contains)
                .sorted()
                .findFirst();
    }

    /**
     * Why a variant may not load a class it does not define, if it may not: the class belongs to a
     * library only darwin uses, or to darwin's own code other than the harness API.
     */
    static Optional<String> refusal(String className) {
        String allowed = "; a variant may use the harness API (" + HARNESS_API + "*), DJL and the libraries its manifest lists";
        Optional<ReservedLibrary> library = ReservedLibrary.of(className);
        if (library.isPresent()) {
            return Optional.of(className + " is refused: it belongs to " + library.get().what()
                    + ", which darwin uses and a variant may not" + allowed);
        }
        if (className.startsWith("darwin.") && !className.startsWith(HARNESS_API)) {
            return Optional.of(className + " is refused: it is darwin's own code, not the harness API" + allowed);
        }
        return Optional.empty();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && classes.containsKey(name)) {
                loaded = findClass(name);
            } else if (loaded == null) {
                Optional<String> refused = refusal(name);
                if (refused.isPresent()) {
                    throw new ClassNotFoundException(refused.get());
                }
                loaded = getParent().loadClass(name);
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
