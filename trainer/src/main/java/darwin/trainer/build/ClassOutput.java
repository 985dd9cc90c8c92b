package darwin.trainer.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The file manager of one compilation: reads the classpath through the standard file manager,
 * showing javac only the {@link VisiblePackages} of it, and keeps every class javac writes (nested
 * and anonymous classes included) in memory, by binary name. It writes nothing else: any other
 * output javac asks for fails, as an error diagnostic.
 */
final class ClassOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private final VisiblePackages packages;

    ClassOutput(StandardJavaFileManager standard, VisiblePackages packages) {
        super(standard);
        this.packages = packages;
    }

    /** The class path's files of a package, none for a hidden one: javac finds classes only through this. */
    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
            boolean recurse) throws IOException {
        Iterable<JavaFileObject> files = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH) {
            return files;
        }
        if (!recurse) {
            return packages.shows(packageName) ? files : List.of();
        }
        List<JavaFileObject> shown = new ArrayList<>();
        for (JavaFileObject file : files) {
            String name = inferBinaryName(location, file);
            int dot = name == null ? -1 : name.lastIndexOf('.');
            if (packages.shows(dot < 0 ? "" : name.substring(0, dot))) {
                shown.add(file);
            }
        }
        return shown;
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
