/**
 * The compute device as the harness sets it up: DJL engine threads and how they wait for one
 * another (the OpenMP wait policy of the children), the device to train on, the
 * autograd mode of the current thread, the C allocator's handling of freed tensor memory, the
 * key under which a machine's peak is cached, and whether the engine's native libraries are
 * already extracted (so that a parent of child processes need not load the engine).
 *
 * <h2>Threads and the engine</h2>
 *
 * <p>{@code Engines.load} sets {@code ai.djl.pytorch.num_threads} (default: all cores) and
 * {@code num_interop_threads} (default: 1) before the engine loads, and
 * {@code ai.djl.offline=true}, so nothing is downloaded at run time: the PyTorch native library
 * comes from the {@code pytorch-native-cpu} jar. The choice was measured (BENCHMARKS.md). PyTorch
 * keeps the autograd mode per thread; the harness turns it off explicitly before measuring.
 *
 * <p>A parent that only starts children ({@code darwin evaluate}, {@code darwin run}) does not load
 * the engine at all when it need not: {@code Engines.configure} sets the thread counts without
 * loading, the peak comes from its cache file ({@code PeakCalibration.cached}), the device is the
 * CPU when there are no NVIDIA device files, and {@code NativeLibraries} finds the libraries the
 * children need where DJL extracted them (the layout the native jar's {@code pytorch.properties}
 * describes, and DJL's JNI library beside them). Only a missing library, a calibration or a machine
 * that may have a GPU loads the engine in the parent. That spares 0.5–0.8 s at the start of every
 * such command (BENCHMARKS.md); {@code NativeLibrariesTest} checks, in a fresh JVM, that libtorch
 * stays unmapped.
 *
 * <p>Loading the engine also sets up glibc's allocator ({@code NativeHeap}, through JNA's
 * {@code mallopt}): blocks up to 1 GiB come from the heap instead of a fresh {@code mmap}, freed
 * memory is not handed back to the kernel until 1 GiB of it is free, and a 64 MiB top pad keeps a
 * thread's emptied secondary heap (glibc deletes it otherwise, whatever the thresholds). PyTorch's
 * CPU tensors come from {@code malloc}; by default a training step or a held-out batch frees its
 * activations at the end and the next one faults the same amount of memory in again (about 3,000
 * page faults a step of the seed). The peak is about the same (heap blocks can fragment a little;
 * the children's {@code prlimit --as} counts it as before), but memory is kept until the process
 * ends. Where there is no glibc {@code mallopt} nothing changes.
 *
 * <p>The JIT is chosen per process. {@code darwin train} trains in the launcher's JVM and keeps
 * both compilers. Every other command only orchestrates, compiles variants and waits for children,
 * so the launcher runs it with the client compiler alone ({@code -XX:TieredStopAtLevel=1}): javac's
 * first compilation takes 0.9 s instead of 1.5 s, and the optimizing compiler's threads no longer
 * take CPU from the children as they start. The scoring child runs with the client compiler too
 * (its Java work is dispatching engine calls); the training child keeps both, since a variant may
 * do real work in Java over a long budget (BENCHMARKS.md).
 *
 * <h2>GPUs</h2>
 *
 * <p>{@code DevicePlan} decides, once per command, where evaluations run ({@code DeviceChoice}:
 * {@code auto}, {@code cpu}, {@code cuda}). It asks a {@code GpuInventory}: {@code EngineGpus}
 * loads the engine with a CUDA libtorch ({@code CudaLibrary}: the user's
 * {@code PYTORCH_LIBRARY_PATH} with {@code PYTORCH_FLAVOR=cu128}, or the build DJL downloaded into
 * its cache, which {@code CudaDownload} triggers by hiding the bundled CPU build's description from
 * DJL) and counts the GPUs the loaded engine has, since DJL falls back to the CPU silently; tests
 * give a stand-in. Names come from the driver ({@code /proc/driver/nvidia/gpus}), numbers from the
 * parent's {@code CUDA_VISIBLE_DEVICES} ({@code VisibleGpus}). Slot {@code i} of a CUDA plan gets
 * GPU {@code i} alone: {@code CUDA_VISIBLE_DEVICES=<its number>} with
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}, the library's variables, {@code -Ddarwin.device=cuda}
 * (read by {@code Engines.defaultDevice}, which then refuses to fall back to the CPU), and in
 * bubblewrap {@code /dev/nvidia<number>} and the control devices that exist
 * ({@code /dev/nvidiactl}, {@code nvidia-uvm}, {@code nvidia-uvm-tools}, {@code nvidia-modeset}).
 * Results are keyed {@code cuda(<card>)-<threads>t}, and the calibrated peak's key names the card.
 * None of this has run on a GPU yet (README, GPUs).
 */
package darwin.trainer.device;
