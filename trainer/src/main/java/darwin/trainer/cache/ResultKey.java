package darwin.trainer.cache;

import darwin.core.Budget;
import darwin.core.Variant;
import java.util.Objects;

/**
 * What identifies one evaluation's result: the variant, the budget it trained under, the seed and
 * the device. Two evaluations with equal keys train the same code the same way.
 *
 * @param variantId the variant's {@link Variant#id() id}
 * @param budget the budget it trained under
 * @param seed the seed of its data order and initialisation
 * @param device the device it trained on, e.g. {@code cpu()} or {@code gpu(0)}
 */
public record ResultKey(String variantId, Budget budget, long seed, String device) {

    /** The longest device name a key accepts, so that file names stay short. */
    public static final int MAX_DEVICE_LENGTH = 100;

    public ResultKey {
        if (!Variant.isId(variantId)) {
            throw new IllegalArgumentException("'" + variantId + "' is not a variant id");
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(device, "device");
        if (device.isBlank()) {
            throw new IllegalArgumentException("the device must not be blank");
        }
        if (device.length() > MAX_DEVICE_LENGTH) {
            throw new IllegalArgumentException("a device name is at most " + MAX_DEVICE_LENGTH + " characters");
        }
    }

    /**
     * The name of this key's file, less {@code .json}, such as {@code steps-2000_seed-1337_cpu}: the
     * {@linkplain Budget#key() budget's key}, the seed, and the device with every run of characters
     * outside {@code [A-Za-z0-9._-]} made one {@code _} (so {@code gpu(0)} becomes {@code gpu_0}).
     * The variant id is not part of it: the file lives in the variant's own directory.
     *
     * <p>Two devices may share a file name ({@code cpu()} and {@code cpu}); the file records its
     * whole key, and a reader treats a file that holds another key as a miss.
     */
    public String fileStem() {
        return budget.key() + "_seed-" + seed + "_" + sanitise(device);
    }

    private static String sanitise(String device) {
        String safe = device.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        return safe.isEmpty() ? "_" : safe;
    }
}
