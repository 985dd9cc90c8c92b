package darwin.trainer.device;

/**
 * Asks the engine which GPUs it can use. {@link EngineGpus} asks DJL's engine; tests give a stand-in
 * that answers 0, 1 or 4 GPUs, so that {@link DevicePlan} is tested on a machine without one.
 */
@FunctionalInterface
public interface GpuInventory {

    /**
     * The GPUs the engine can use here, or why there are none.
     *
     * @param mayDownload whether the CUDA libtorch may be downloaded into DJL's cache when it is not
     *     there yet (only when CUDA was asked for, never for {@code auto})
     */
    GpuSurvey survey(boolean mayDownload);
}
