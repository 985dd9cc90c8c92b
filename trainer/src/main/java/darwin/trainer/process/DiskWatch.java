package darwin.trainer.process;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * The bytes a child has written to its workspace and output files together, measured every few
 * tenths of a second while it runs, against {@link ResourceLimits#diskBytes()}.
 *
 * <p>The kernel cuts each single file at the limit ({@code RLIMIT_FSIZE}); what it cannot see is
 * many files that are each small enough. The walk follows no link (a link's own size counts, not
 * its target's) and stops at {@link #MAX_ENTRIES}: a tree of more entries is a breach in itself,
 * so that a program cannot make the walk slow. Between two looks a program can write at the
 * disk's speed, so the total can run over by that much before the tree is stopped.
 */
final class DiskWatch {

    /** How often the runner looks. */
    static final long INTERVAL_NANOS = 250_000_000L;
    /** More entries than this in the workspace is a breach of the disk limit. */
    static final int MAX_ENTRIES = 100_000;

    private final Path workspace;
    private final List<Path> outputs;
    private final long limit;
    private long next;

    DiskWatch(Path workspace, List<Path> outputs, long limit) {
        this.workspace = workspace;
        this.outputs = List.copyOf(outputs);
        this.limit = limit;
        this.next = System.nanoTime() + INTERVAL_NANOS;
    }

    /** The breach, when it is time to look again and the child is over its limit. */
    Optional<LimitBreach> poll() {
        long now = System.nanoTime();
        if (now - next < 0) {
            return Optional.empty();
        }
        next = now + INTERVAL_NANOS;
        return check();
    }

    /** Looks now: the breach, when the child is over its limit. */
    Optional<LimitBreach> check() {
        Usage usage = new Usage();
        for (Path output : outputs) {
            usage.add(output);
        }
        try {
            Files.walkFileTree(workspace, usage);
        } catch (IOException e) {
            // a folder that vanished or cannot be read: what was counted stands
        }
        if (usage.entries > MAX_ENTRIES) {
            return Optional.of(new LimitBreach(LimitBreach.Limit.DISK, "made more than " + MAX_ENTRIES
                    + " files and folders in its workspace (the disk limit)"));
        }
        if (usage.bytes >= limit) {
            return Optional.of(new LimitBreach(LimitBreach.Limit.DISK, "wrote " + ResourceLimits.bytes(usage.bytes)
                    + " to its workspace and output, the disk limit is " + ResourceLimits.bytes(limit)));
        }
        return Optional.empty();
    }

    /** A count of entries and bytes; links are not followed. */
    private static final class Usage extends SimpleFileVisitor<Path> {
        long bytes;
        int entries;

        void add(Path file) {
            try {
                bytes += Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
            } catch (IOException e) {
                // not there (yet)
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return ++entries > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            bytes += attributes.size();
            return ++entries > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }
}
