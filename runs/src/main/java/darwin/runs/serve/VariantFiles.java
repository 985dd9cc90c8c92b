package darwin.runs.serve;

import darwin.core.Variant;
import darwin.memory.RunDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of the run's variants, as the page's file viewer reads them, and nothing else. A file
 * is named by a variant id and a relative path of plain names ({@code program/darwin/program/GptModel.java});
 * an id that is not one, a path that is absolute, empty or has a {@code .} or {@code ..} part, a
 * backslash or any other character outside {@code [A-Za-z0-9._-]} (however it was encoded in the
 * address, since it is checked decoded) is refused with 400. No link is followed: the variants
 * folder, the variant's folder and every part of the path are checked not to be symbolic links
 * (403), and the file is opened with {@link LinkOption#NOFOLLOW_LINKS}. Only regular files are
 * read, at most {@value #LIMIT} bytes of each.
 */
final class VariantFiles {

    /** The most bytes of one file the viewer shows. */
    static final int LIMIT = 1 << 20;

    /** The most files listed of one variant. */
    static final int MOST_FILES = 2000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final RunDirectory run;

    VariantFiles(RunDirectory run) {
        this.run = run;
    }

    /** The variant's regular files, as relative paths with {@code /}, in order; links left out. */
    List<String> list(String variant) throws IOException {
        Path folder = folder(variant);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) { // does not follow links
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).limit(MOST_FILES)
                    .forEach(p -> files.add(folder.relativize(p).toString().replace('\\', '/')));
        }
        files.sort(null);
        return files;
    }

    /**
     * The start of one of the variant's files: at most {@link #LIMIT} bytes.
     *
     * @throws Refused 400 for a name that is not one, 403 for a link, 404 for no such file
     */
    byte[] read(String variant, String path) throws IOException {
        Path file = folder(variant);
        if (path == null || path.isEmpty()) {
            throw new Refused(400, "no file named");
        }
        for (String part : path.split("/", -1)) {
            if (!NAME.matcher(part).matches()) {
                throw new Refused(400, "'" + path + "' is not a path inside a variant (plain names joined by /)");
            }
            file = file.resolve(part);
            if (Files.isSymbolicLink(file)) {
                throw new Refused(403, "'" + path + "' goes through a link, and links are not followed");
            }
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(404, "variant " + variant + " has no file '" + path + "'");
        }
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            return in.readNBytes(LIMIT);
        }
    }

    /** The variant's folder, checked. */
    private Path folder(String variant) {
        if (variant == null || !Variant.isId(variant)) {
            throw new Refused(400, "'" + variant + "' is not a variant id");
        }
        Path variants = run.variants();
        Path folder = variants.resolve(variant);
        if (Files.isSymbolicLink(variants) || Files.isSymbolicLink(folder)) {
            throw new Refused(403, "the variant's folder is a link, and links are not followed");
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(404, "the run has no variant " + variant);
        }
        return folder;
    }
}
