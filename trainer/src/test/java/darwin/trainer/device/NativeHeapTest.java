package darwin.trainer.device;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeHeapTest {

    // fits in one of the 64 MiB heaps glibc gives a thread other than the process's first
    private static final long BLOCK = 24L << 20;
    private static final long PAGES = BLOCK / 4096;

    @Test
    void aFreedBlockIsReusedWithoutFaultingItInAgain() throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "needs Linux's /proc");
        // as in the harness: the engine loads (and sets the allocator up) before anything else;
        // once libtorch is loaded, a block this size lands in a secondary heap of its own
        Engines.load();
        assertTrue(NativeHeap.retainFreedMemory(), "glibc's mallopt took the settings");
        assertTrue(NativeHeap.retainFreedMemory(), "a second call keeps them");

        touchAndFree(); // the first touch faults the pages in
        long before = minorFaults();
        for (int again = 0; again < 3; again++) {
            touchAndFree();
        }
        long faults = minorFaults() - before;
        // by default glibc maps the first block afresh and the second from newly grown heap, and
        // without the pad it deletes the emptied secondary heap each time: 6,144 faults or more
        assertTrue(faults < PAGES / 4, "three more blocks faulted " + faults + " pages in again");
    }

    private static void touchAndFree() {
        long address = Native.malloc(BLOCK);
        assertTrue(address != 0, "malloc failed");
        try {
            new Pointer(address).setMemory(0, BLOCK, (byte) 1);
        } finally {
            Native.free(address);
        }
    }

    /** Minor page faults of this process so far (field 10 of /proc/self/stat). */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
