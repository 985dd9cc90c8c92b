package darwin.trainer.build;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import javax.tools.SimpleJavaFileObject;

/** A class file javac writes into memory: its bytes land in the output map when javac closes it. */
final class ClassFile extends SimpleJavaFileObject {

    private final String binaryName;
    private final Map<String, byte[]> output;

    ClassFile(String binaryName, Map<String, byte[]> output) {
        super(URI.create("memory:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
        this.binaryName = binaryName;
        this.output = output;
    }

    @Override
    public OutputStream openOutputStream() {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                output.put(binaryName, toByteArray());
            }
        };
    }

    @Override
    public String getName() {
        return binaryName.replace('.', '/') + Kind.CLASS.extension;
    }
}
