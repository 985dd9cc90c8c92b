package darwin.trainer.device;

import java.util.Objects;

/**
 * One GPU as the engine sees it.
 *
 * @param ordinal the engine's index of the GPU in this process ({@code gpu(ordinal)})
 * @param id the GPU's number on the machine, in PCI bus order (what {@code nvidia-smi} shows and
 *     {@code /dev/nvidia<id>} is named after): the same as the ordinal unless this process's
 *     {@code CUDA_VISIBLE_DEVICES} hides some GPUs
 * @param name the card's name, as the driver reports it (e.g. {@code NVIDIA H100 80GB HBM3})
 * @param memoryBytes the card's memory; 0 when unknown
 */
public record Gpu(int ordinal, int id, String name, long memoryBytes) {

    public Gpu {
        if (ordinal < 0 || id < 0) {
            throw new IllegalArgumentException("GPU numbers are not negative, got ordinal " + ordinal + " and id " + id);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a GPU needs a name");
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("a GPU's memory is not negative, got " + memoryBytes);
        }
    }

    /** {@code NVIDIA H100 80GB HBM3 (GPU 2, 80 GiB)}. */
    public String describe() {
        return name + " (GPU " + id + (memoryBytes > 0 ? ", " + Math.round(memoryBytes / (double) (1L << 30)) + " GiB" : "")
                + ")";
    }
}
