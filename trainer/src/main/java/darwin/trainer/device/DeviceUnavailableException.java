package darwin.trainer.device;

/**
 * The device asked for cannot be used here: CUDA was asked for and the engine has no GPU, or the
 * CUDA libtorch is set up wrongly. The message names the cause and what to do; commands stop with it
 * before anything is evaluated.
 */
public final class DeviceUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
