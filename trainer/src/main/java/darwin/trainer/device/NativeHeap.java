package darwin.trainer.device;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Tells the C library's allocator to keep the memory that tensors give back, instead of returning
 * it to the kernel and faulting it in again for the next batch.
 *
 * <p>PyTorch's CPU tensors come from {@code malloc}. By default glibc serves a block of more than
 * 128 KiB (a threshold that grows with the blocks freed, up to 32 MiB) with a fresh {@code mmap},
 * gives the top of its heap back once more than twice that is free, and deletes a thread's
 * secondary heap (64 MiB each) as soon as all of it is free. A training step or a held-out batch
 * allocates tens to hundreds of MiB of activations and frees them all at the end, so the next one
 * touches new pages: on the machines of BENCHMARKS.md about 3,000 page faults a training step, and
 * a held-out scoring paid for each of its batches. With the mmap and trim thresholds at 1 GiB and
 * a top pad of 64 MiB (which keeps a free secondary heap), freed blocks stay in the process and
 * are reused. The peak is about the same (blocks from the heap can fragment it a little, and the
 * pad is address space, not memory), but memory is not returned until the process ends, which
 * suits processes that train or score once.
 */
public final class NativeHeap {

    /** {@code M_TRIM_THRESHOLD} of glibc's {@code mallopt}. */
    private static final int TRIM_THRESHOLD = -1;
    /** {@code M_TOP_PAD} of glibc's {@code mallopt}. */
    private static final int TOP_PAD = -2;
    /** {@code M_MMAP_THRESHOLD} of glibc's {@code mallopt}. */
    private static final int MMAP_THRESHOLD = -3;
    private static final int RETAINED_BYTES = 1 << 30;
    private static final int PAD_BYTES = 64 << 20;

    private static Boolean retaining; // guarded by the class

    private NativeHeap() {}

    /**
     * Sets the thresholds and the pad once per process; true when the C library took them. False, and no
     * change, where there is no glibc {@code mallopt} (another C library, another system): the
     * allocator's defaults then stand, which costs speed, never correctness.
     */
    public static synchronized boolean retainFreedMemory() {
        if (retaining == null) {
            retaining = apply();
        }
        return retaining;
    }

    private static boolean apply() {
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean mmap = mallopt.invokeInt(new Object[] {MMAP_THRESHOLD, RETAINED_BYTES}) == 1;
            boolean trim = mallopt.invokeInt(new Object[] {TRIM_THRESHOLD, RETAINED_BYTES}) == 1;
            boolean pad = mallopt.invokeInt(new Object[] {TOP_PAD, PAD_BYTES}) == 1;
            return mmap && trim && pad;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
