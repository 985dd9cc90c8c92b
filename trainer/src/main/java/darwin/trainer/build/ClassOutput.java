package darwin.trainer.build;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * The file manager of one compilation: reads the classpath through the standard file manager and
 * keeps every class javac writes (nested and anonymous classes included) in memory, by binary
 * name. It writes nothing else: any other output javac asks for fails, as an error diagnostic.
 */
final class ClassOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, byte[]> classes = new LinkedHashMap<>();

    ClassOutput(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) throws IOException {
        if (kind != JavaFileObject.Kind.CLASS) {
            throw new IOException("only class files are kept; refused to write " + className + kind.extension);
        }
        return new ClassFile(className, classes);
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling)
            throws IOException {
        throw new IOException("only class files are kept; refused to write " + relativeName);
    }

    /** The classes written so far, by binary name, in the order javac wrote them. */
    Map<String, byte[]> classes() {
        return classes;
    }
}
