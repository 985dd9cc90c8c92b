package darwin.mutation.catalog;

import java.util.Map;

/**
 * Loads a compiled variant's classes from their bytes before its parent's: the variant's {@code
 * darwin.program} classes shadow the seed's, which the trainer jar on the test class path also
 * holds. Everything else comes from the test's loader.
 */
final class ProgramClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    ProgramClassLoader(Map<String, byte[]> classes) {
        super(ProgramClassLoader.class.getClassLoader());
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
