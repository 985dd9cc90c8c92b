package darwin.trainer.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The device plan against a stand-in for the engine's answers: 0, 1 and 4 GPUs. */
class DevicePlanTest {

    private static final CudaLibrary LIBRARY = new CudaLibrary(Path.of("/opt/torch/lib"), "cu128", "2.7.1",
            CudaLibrary.Source.USER);

    /** A stand-in engine with {@code count} H100s, numbered from {@code firstId} on the machine. */
    private static GpuInventory gpus(int count, int firstId) {
        return mayDownload -> {
            if (count == 0) {
                return GpuSurvey.none("there is no NVIDIA device here (no /dev/nvidiactl): no NVIDIA GPU or driver");
            }
            List<Gpu> gpus = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                gpus.add(new Gpu(i, firstId + i, "NVIDIA H100 80GB HBM3", 80L << 30));
            }
            return GpuSurvey.found(gpus, LIBRARY);
        };
    }

    @Test
    void autoWithoutGpuChoosesTheCpuAndSaysWhy() {
        DevicePlan plan = DevicePlan.choose(DeviceChoice.AUTO, gpus(0, 0));
        assertFalse(plan.cuda());
        assertEquals(3, plan.slots(3));
        assertEquals("cpu()-2t", plan.deviceKey(2, ThreadWait.SPIN));
        assertTrue(plan.describe().contains("the CPU (--device auto: there is no NVIDIA device here"), plan.describe());
        assertEquals(Map.of(), plan.childEnvironment(0));
        assertEquals(List.of(), plan.deviceFiles(0, path -> true));
        assertEquals("-Ddarwin.device=cpu", plan.childProperty());
    }

    @Test
    void autoWithOneGpuChoosesIt() {
        DevicePlan plan = DevicePlan.choose(DeviceChoice.AUTO, gpus(1, 0));
        assertTrue(plan.cuda());
        assertEquals(1, plan.slots(1));
        assertEquals("cuda(NVIDIA H100 80GB HBM3)-4t-passive", plan.deviceKey(4, ThreadWait.PASSIVE));
        assertTrue(plan.describe().startsWith("1 GPU: NVIDIA H100 80GB HBM3 (GPU 0, 80 GiB), one evaluation slot each"
                + " (--device auto)"), plan.describe());
        assertEquals("-Ddarwin.device=cuda", plan.childProperty());
    }

    @Test
    void autoWithFourGpusGivesOneSlotEach() {
        DevicePlan plan = DevicePlan.choose(DeviceChoice.AUTO, gpus(4, 0));
        assertEquals(4, plan.slots(1));
        for (int slot = 0; slot < 4; slot++) {
            assertEquals(Integer.toString(slot), plan.childEnvironment(slot).get("CUDA_VISIBLE_DEVICES"));
            assertEquals("PCI_BUS_ID", plan.childEnvironment(slot).get("CUDA_DEVICE_ORDER"));
            assertEquals("/opt/torch/lib", plan.childEnvironment(slot).get("PYTORCH_LIBRARY_PATH"));
            assertEquals("cu128", plan.childEnvironment(slot).get("PYTORCH_FLAVOR"));
        }
        assertThrows(IllegalArgumentException.class, () -> plan.gpu(4));
    }

    @Test
    void slotsMapToTheMachinesNumbersOfTheVisibleGpus() {
        DevicePlan plan = DevicePlan.choose(DeviceChoice.CUDA, gpus(2, 2)); // CUDA_VISIBLE_DEVICES=2,3 in the parent
        assertEquals("3", plan.childEnvironment(1).get("CUDA_VISIBLE_DEVICES"));
        Set<Path> present = Set.of(Path.of("/dev/nvidia2"), Path.of("/dev/nvidia3"), Path.of("/dev/nvidiactl"),
                Path.of("/dev/nvidia-uvm"));
        assertEquals(List.of(Path.of("/dev/nvidia3"), Path.of("/dev/nvidiactl"), Path.of("/dev/nvidia-uvm")),
                plan.deviceFiles(1, present::contains));
    }

    @Test
    void aGpuWithoutItsDeviceFileIsAClearError() {
        DevicePlan plan = DevicePlan.choose(DeviceChoice.CUDA, gpus(1, 5));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> plan.deviceFiles(0, path -> false));
        assertTrue(e.getMessage().contains("/dev/nvidia5"), e.getMessage());
    }

    @Test
    void cudaWithoutGpuStopsNamingTheCause() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> DevicePlan.choose(DeviceChoice.CUDA, gpus(0, 0)));
        assertTrue(e.getMessage().startsWith("--device cuda (evaluation.device) was asked for, but the engine has no GPU:"
                + " there is no NVIDIA device here"), e.getMessage());
    }

    @Test
    void onlyCudaMayDownloadTheLibrary() {
        List<Boolean> asked = new ArrayList<>();
        GpuInventory recording = mayDownload -> {
            asked.add(mayDownload);
            return GpuSurvey.none("none");
        };
        DevicePlan.choose(DeviceChoice.AUTO, recording);
        assertThrows(DeviceUnavailableException.class, () -> DevicePlan.choose(DeviceChoice.CUDA, recording));
        assertEquals(List.of(false, true), asked);
    }

    @Test
    void cpuAsksTheEngineNothing() {
        DevicePlan plan = DevicePlan.choose(DeviceChoice.CPU, mayDownload -> {
            throw new AssertionError("the engine was asked");
        });
        assertEquals("the CPU", plan.describe());
    }

    @Test
    void visibleGpusAreReadAsNumbers() {
        assertEquals(List.of(0, 1), VisibleGpus.ids(null, 2));
        assertEquals(List.of(2, 3), VisibleGpus.ids("2, 3", 2));
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> VisibleGpus.ids("GPU-8d3c6a2e", 1));
        assertTrue(e.getMessage().contains("must list GPUs by number"), e.getMessage());
    }

    @Test
    void theDriversModelNameIsTheGpusName() {
        assertEquals("NVIDIA H100 80GB HBM3", EngineGpus.modelName(List.of("Model: \t NVIDIA H100 80GB HBM3",
                "IRQ: 42", "Bus Location: 0000:18:00.0")).orElseThrow());
        assertTrue(EngineGpus.modelName(List.of("IRQ: 42")).isEmpty());
    }

    @Test
    void withoutNvidiaDevicesTheSurveyNeedsNoEngine() {
        if (java.nio.file.Files.exists(Path.of("/dev/nvidiactl")) || java.nio.file.Files.exists(Path.of("/dev/nvidia0"))) {
            return; // a machine with a GPU answers from the engine, which the stand-in tests cover
        }
        GpuSurvey survey = new EngineGpus().survey(true);
        assertTrue(survey.gpus().isEmpty());
        assertTrue(survey.whyNone().contains("no /dev/nvidiactl"), survey.whyNone());
    }
}
