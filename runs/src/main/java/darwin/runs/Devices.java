package darwin.runs;

import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.DevicePlan;
import darwin.trainer.device.EngineGpus;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.measure.GpuDatasheet;

/**
 * Decides a command's device before it evaluates anything, and says what it chose: {@code auto}
 * names the device and why, {@code cuda} without a GPU stops the command with the cause
 * ({@link darwin.trainer.device.DeviceUnavailableException}).
 */
final class Devices {

    private Devices() {}

    /**
     * The plan for {@code choice} on this machine, put in force in this process (the engine's work
     * and the peak's calibration key go to its device), and told to {@code listener}.
     */
    static DevicePlan plan(DeviceChoice choice, TrainingListener listener) {
        DevicePlan plan = DevicePlan.choose(choice, new EngineGpus());
        plan.useInThisProcess();
        if (plan.cuda()) {
            Engines.useGpuName(plan.gpu(0).name());
        }
        listener.onPhase("training on " + plan.describe());
        return plan;
    }

    /** On a GPU, the measured peak MFU is counted against, with the card's datasheet peak beside it. */
    static void reportPeak(DevicePlan plan, double peakFlops, TrainingListener listener) {
        if (plan.cuda()) {
            listener.onPhase("peak " + GpuDatasheet.besideMeasured(plan.gpu(0).name(), peakFlops)
                    + "; MFU is counted against the measured peak");
        }
    }
}
