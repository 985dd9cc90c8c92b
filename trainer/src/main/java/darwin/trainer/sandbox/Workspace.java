package darwin.trainer.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder a child process works in, and the only one it may write: the variant's compiled
 * classes, the markers of the start handshake, and what the child leaves behind (weights, curve).
 * It never holds training or held-out text: a child gets its tokens on its standard input
 * ({@link ChildInput}), since a program can read whatever file its workspace holds. Its standard
 * output and error go to files beside it, out of its reach. Everything the parent reads here it
 * reads as an {@link UntrustedFile}.
 */
public record Workspace(Path root) {

    /** The workspace of a child process: its working directory. */
    public static Workspace current() {
        return new Workspace(Path.of("").toAbsolutePath());
    }

    public Path classes() {
        return root.resolve("classes");
    }

    public Path weights() {
        return root.resolve("weights.bin");
    }

    /** The scoring child's logits ({@link LogitsFile}). */
    public Path logits() {
        return root.resolve("logits.f32");
    }

    public Path curve() {
        return root.resolve("curve.jsonl");
    }

    /** Created by the parent when a training child that is ready may start training. */
    public Path go() {
        return root.resolve("go");
    }

    /** Created by a child once its engine is loaded and it waits for the parent's word. */
    public Path engineReady() {
        return root.resolve("engine.ready");
    }

    /** Created by the parent once {@link #weights()} is complete. */
    public Path weightsReady() {
        return root.resolve("weights.ready");
    }

    /**
     * Created by a child's harness code once its report is on its standard output, just before
     * the child ends: the parent then stops it rather than wait for its exit. The variant's code
     * could create it too; the parent believes only the signed report it then finds.
     */
    public Path reported() {
        return root.resolve("reported");
    }

    /**
     * Where the child's standard output goes: beside the workspace, not in it, so that a sandboxed
     * child, which sees only its workspace, cannot put a link or a named pipe at the name the
     * parent reads it from.
     */
    public Path stdout() {
        return root.resolveSibling(root.getFileName() + ".stdout.log");
    }

    /** Where the child's standard error goes: beside the workspace, as {@link #stdout()}. */
    public Path stderr() {
        return root.resolveSibling(root.getFileName() + ".stderr.log");
    }

    /** Writes class files into {@link #classes()} as a package tree. */
    public void writeClasses(Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = classes().resolve(entry.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }

    /** Reads the class files under {@link #classes()}: binary name → bytes. */
    public Map<String, byte[]> readClasses() throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        Path base = classes();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path file : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String relative = base.relativize(file).toString().replace('\\', '/');
                classes.put(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'), Files.readAllBytes(file));
            }
        }
        return classes;
    }
}
