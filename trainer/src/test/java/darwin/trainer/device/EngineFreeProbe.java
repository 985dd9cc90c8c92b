package darwin.trainer.device;

import ai.djl.Device;
import darwin.trainer.harness.Harness;
import darwin.trainer.harness.HarnessSettings;
import darwin.trainer.harness.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link NativeLibrariesTest}: does what a parent that only starts children
 * does (configure the threads, find the native libraries, the device and the cached peak), then
 * writes whether libtorch was mapped into this process.
 */
public final class EngineFreeProbe {

    private EngineFreeProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Engines.configure(2, 1);
        Path peakCache = dir.resolve("peak.json");
        Files.writeString(peakCache, "{\"" + Engines.machineKey() + "|" + Device.cpu() + "\": 1.25e11}");
        Engines.nativeCache();
        String device = Engines.deviceKey(2, ThreadWait.SPIN);
        HarnessSettings settings = new HarnessSettings(HarnessSettings.DEFAULT_WINDOW, 2, 0, peakCache);
        double peak = Harness.devicePeak(settings, Engines.defaultDevice(), TrainingListener.NONE);
        boolean mapped = Files.readString(Path.of("/proc/self/maps")).contains("libtorch");
        Files.writeString(Path.of(args[1]), "peak " + peak + "\ndevice " + device + "\nlibtorch mapped " + mapped + "\n");
    }
}
