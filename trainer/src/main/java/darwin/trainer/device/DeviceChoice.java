package darwin.trainer.device;

import java.util.Locale;

/**
 * The device a user asks evaluations to run on: {@code auto}, {@code cpu} or {@code cuda}. What
 * it comes to on a machine is a {@link DevicePlan}.
 */
public enum DeviceChoice {

    /** The GPUs when the engine can use them, else the CPU; the plan says which and why. */
    AUTO,

    /** The CPU, even where there are GPUs. */
    CPU,

    /** Every GPU the engine sees, one evaluation slot each; no GPU is an error, never the CPU. */
    CUDA;

    /** The name settings and flags use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
