package darwin.trainer.variant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Text files shipped on the class path under a folder, read whether it is a directory or in a jar. */
final class BundledFiles {

    private BundledFiles() {}

    /**
     * Every file under {@code folder} (a resource path ending in '/'), by path relative to it. The
     * folder is located through {@code marker}, a file known to be in it, so that a folder of the
     * same name elsewhere on the class path is not taken for it.
     */
    static SortedMap<String, String> read(String folder, String marker) {
        URL markerUrl = BundledFiles.class.getClassLoader().getResource(folder + marker);
        if (markerUrl == null) {
            throw new IllegalStateException("the bundled file " + folder + marker + " is missing from the class path");
        }
        URL url;
        try {
            String spec = markerUrl.toString();
            url = URI.create(spec.substring(0, spec.length() - marker.length())).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("bad location of the bundled folder " + folder + ": " + markerUrl, e);
        }
        TreeMap<String, String> files = new TreeMap<>();
        try {
            switch (url.getProtocol()) {
                case "file" -> readDirectory(Path.of(url.toURI()), files);
                case "jar" -> readJar(url, folder, files);
                default -> throw new IllegalStateException("cannot list bundled files at " + url);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled folder " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad location of the bundled folder " + folder + ": " + url, e);
        }
        return Collections.unmodifiableSortedMap(files);
    }

    private static void readDirectory(Path root, TreeMap<String, String> files) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    private static void readJar(URL url, String folder, TreeMap<String, String> files) throws IOException {
        String spec = url.getPath(); // file:/path/to.jar!/folder/
        String jarPath = spec.substring("file:".length(), spec.indexOf("!/"));
        try (JarFile jar = new JarFile(URLDecoder.decode(jarPath, StandardCharsets.UTF_8))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(folder.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }
}
