package darwin.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion on a run file between processes (a live run and a person's command in another
 * terminal) and between threads: an operating-system lock on a sibling {@code .<name>.lock} file,
 * taken under a lock of this JVM (the operating system's locks belong to the process, so two
 * threads of one process would not exclude each other with them alone).
 */
final class FileLocks {

    private static final Map<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private FileLocks() {}

    /** Runs {@code work} while holding the lock of {@code file}, and returns what it returns. */
    static <T> T holding(Path file, Supplier<T> work) {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock local = LOCAL.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        } finally {
            local.unlock();
        }
    }
}
