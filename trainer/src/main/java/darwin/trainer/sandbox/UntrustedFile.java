package darwin.trainer.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import darwin.trainer.process.OutputText;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How the parent reads a file a child could have written or replaced: its workspace's curve,
 * weights and markers, its output files. The child may have put anything at the name: a link to a
 * file of the parent's (its environment, a key), a named pipe whose opening waits for a writer
 * forever, a device, a file larger than the parent's heap. So:
 *
 * <ul>
 *   <li>no link is followed: the name is looked at without following it, and opened with
 *       {@code O_NOFOLLOW};
 *   <li>only a regular file is opened, and it is opened read-write: Linux opens a named pipe
 *       read-write at once, without waiting for a writer, so that a pipe swapped in between the
 *       look and the opening cannot block the parent (and then reads as empty: its size is 0);
 *   <li>at most a cap is read: the whole file when it fits, else as {@link #text} says.
 * </ul>
 *
 * What is refused is an {@link IOException} whose message says what was found there, for the log
 * or the reason.
 */
final class UntrustedFile {

    private UntrustedFile() {}

    /**
     * The file's bytes, when it is a regular file of at most {@code cap} bytes.
     *
     * @throws NoSuchFileException when there is nothing at the name
     * @throws IOException when it is a link, not a regular file, larger than {@code cap}, or
     *     cannot be read; the message names it and says which
     */
    static byte[] read(Path file, int cap) throws IOException {
        try (FileChannel channel = open(file)) {
            long size = channel.size();
            if (size > cap) {
                throw new IOException(file.getFileName() + " holds " + size + " bytes, more than the " + cap + " allowed");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // until full, or at an end the file reached by shrinking meanwhile
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        }
    }

    /**
     * At most {@code cap} bytes of the file as text: all of it when it fits, else its head and its
     * tail with the cut marked (as the runner reads output).
     *
     * @throws IOException as {@link #read}, but a large file is cut, not refused
     */
    static String text(Path file, int cap) throws IOException {
        try (FileChannel channel = open(file)) {
            return OutputText.read(channel, cap);
        }
    }

    /** The text of the file or, when it is absent or refused, a line that says why (for a log). */
    static String textOrWhy(Path file, int cap) {
        try {
            return text(file, cap);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "[darwin: not read: " + e.getMessage() + "]\n";
        }
    }

    /**
     * The file opened for reading as the rules above say, for a reader that reads it its own way.
     *
     * @throws NoSuchFileException when there is nothing at the name
     * @throws Refused when something other than a regular file is there
     * @throws IOException when it cannot be opened
     */
    static FileChannel channel(Path file) throws IOException {
        return open(file);
    }

    /** What the parent found at a name where it expected a regular file: a link, a pipe, a folder. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Whether something, of any kind, is at the name (a link is not followed). */
    static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static FileChannel open(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new Refused(file.getFileName() + " is " + kind(attributes) + ", not a regular file; not followed");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IOException("cannot open " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "a folder";
        }
        return "a named pipe, socket or device";
    }
}
