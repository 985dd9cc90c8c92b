package darwin.trainer.process;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;

/**
 * One output file of a child, opened by the runner before the child starts and read back through
 * that same handle. The child can write to its workspace, so it could replace the file's name
 * with a link to something it cannot read; the tail is read from the file the runner created, not
 * from whatever the name points to later. What is read back is bounded: the head and the tail of
 * a long output, the cut between them marked, so that a flood of output costs the runner no more
 * memory than a short one.
 */
final class OutputTail implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private OutputTail(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates or truncates the file, refusing to follow a link at its name. */
    static OutputTail create(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new OutputTail(path, channel);
    }

    Path path() {
        return path;
    }

    /**
     * At most {@code limit} bytes of the file, as UTF-8: all of it when it fits, else its first
     * quarter and its last three quarters with the cut marked between them ({@link OutputText}); an I/O
     * failure is reported in the text. The file is never read whole, however large it grew.
     */
    String read(int limit) {
        try {
            return OutputText.read(channel, limit);
        } catch (IOException e) {
            return "[cannot read " + path + ": " + e.getMessage() + "]";
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            System.getLogger(OutputTail.class.getName()).log(System.Logger.Level.WARNING, "cannot close {0}: {1}", path, e);
        }
    }
}
