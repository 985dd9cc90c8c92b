package darwin.trainer.build;

import java.util.Map;

/** Defines classes from a compilation's bytes, delegating everything else to the test's loader. */
final class ByteClassLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    ByteClassLoader(Map<String, byte[]> classes) {
        super(ByteClassLoader.class.getClassLoader());
        this.classes = classes;
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
