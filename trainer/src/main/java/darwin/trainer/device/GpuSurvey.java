package darwin.trainer.device;

import java.util.List;
import java.util.Objects;

/**
 * What the engine answered about this machine's GPUs: those it can use, or why there are none.
 *
 * @param gpus the GPUs the engine can train on, in ordinal order
 * @param whyNone when {@code gpus} is empty, the cause in words (no NVIDIA device, no CUDA build of
 *     libtorch, a CUDA runtime that did not load); empty otherwise
 * @param library the CUDA libtorch the engine loaded; {@code null} when there are no GPUs
 */
public record GpuSurvey(List<Gpu> gpus, String whyNone, CudaLibrary library) {

    public GpuSurvey {
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(whyNone, "whyNone");
        for (int i = 0; i < gpus.size(); i++) {
            if (gpus.get(i).ordinal() != i) {
                throw new IllegalArgumentException("GPU ordinals must be 0, 1, 2, ... in order, got " + gpus);
            }
        }
        if (gpus.isEmpty() == whyNone.isBlank()) {
            throw new IllegalArgumentException(gpus.isEmpty() ? "a survey without GPUs must say why"
                    : "a survey with GPUs has no cause for having none");
        }
        if (!gpus.isEmpty()) {
            Objects.requireNonNull(library, "the CUDA libtorch of a survey with GPUs");
        }
    }

    /** A survey that found GPUs, loaded from {@code library}. */
    public static GpuSurvey found(List<Gpu> gpus, CudaLibrary library) {
        return new GpuSurvey(gpus, "", library);
    }

    /** A survey that found none, and says why. */
    public static GpuSurvey none(String why) {
        return new GpuSurvey(List.of(), why, null);
    }
}
