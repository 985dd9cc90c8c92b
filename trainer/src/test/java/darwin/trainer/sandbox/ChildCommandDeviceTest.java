package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.trainer.device.CudaLibrary;
import darwin.trainer.device.DeviceChoice;
import darwin.trainer.device.DevicePlan;
import darwin.trainer.device.Gpu;
import darwin.trainer.process.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The children's command, environment and device files on a GPU plan, with a stand-in for a GPU machine's /dev. */
class ChildCommandDeviceTest {

    private static final Path TORCH = Path.of("/opt/venv/lib/python3.12/site-packages/torch/lib");
    private static final Set<Path> DEV = Set.of(Path.of("/dev/nvidia0"), Path.of("/dev/nvidia1"), Path.of("/dev/nvidia2"),
            Path.of("/dev/nvidia3"), Path.of("/dev/nvidiactl"), Path.of("/dev/nvidia-uvm"), Path.of("/dev/nvidia-uvm-tools"));

    @TempDir
    Path dir;

    private static DevicePlan fourGpus() {
        List<Gpu> gpus = List.of(new Gpu(0, 0, "NVIDIA A100-SXM4-40GB", 40L << 30), new Gpu(1, 1, "NVIDIA A100-SXM4-40GB", 40L << 30),
                new Gpu(2, 2, "NVIDIA A100-SXM4-40GB", 40L << 30), new Gpu(3, 3, "NVIDIA A100-SXM4-40GB", 40L << 30));
        return new DevicePlan(DeviceChoice.CUDA, gpus, "asked for", new CudaLibrary(TORCH, "cu128", "2.7.1",
                CudaLibrary.Source.USER));
    }

    private ProcessSpec training(DevicePlan plan, int slot) {
        SandboxSettings settings = SandboxSettings.defaults().withThreads(2).withDevice(plan);
        ChildCommand command = new ChildCommand(settings, List.of(dir), DEV::contains);
        return command.training(slot, new Workspace(dir), List.of(), List.of("p.Main"), Duration.ofMinutes(1), new byte[0]);
    }

    @Test
    void slotTwosChildrenSeeGpuTwoAlone() {
        ProcessSpec spec = training(fourGpus(), 2);
        assertEquals("2", spec.environment().get("CUDA_VISIBLE_DEVICES"));
        assertEquals("PCI_BUS_ID", spec.environment().get("CUDA_DEVICE_ORDER"));
        assertEquals(TORCH.toString(), spec.environment().get("PYTORCH_LIBRARY_PATH"));
        assertEquals("cu128", spec.environment().get("PYTORCH_FLAVOR"));
        assertTrue(spec.command().contains("-Ddarwin.device=cuda"), spec.command().toString());
        assertEquals(List.of(Path.of("/dev/nvidia2"), Path.of("/dev/nvidiactl"), Path.of("/dev/nvidia-uvm"),
                Path.of("/dev/nvidia-uvm-tools")), spec.devices(), "no other GPU, and no /dev/nvidia-modeset where there is none");
        assertTrue(spec.readOnlyPaths().contains(TORCH));
        assertTrue(spec.readOnlyPaths().contains(TORCH.getParent().getParent()), "the CUDA runtime's pip packages");
    }

    @Test
    void theScoringChildOfASlotHasTheSameGpu() {
        SandboxSettings settings = SandboxSettings.defaults().withThreads(2).withDevice(fourGpus());
        ProcessSpec spec = new ChildCommand(settings, List.of(dir), DEV::contains)
                .scoring(1, new Workspace(dir), List.of(), List.of("p.Main"), Duration.ofMinutes(1), new byte[0]);
        assertEquals("1", spec.environment().get("CUDA_VISIBLE_DEVICES"));
        assertEquals(Path.of("/dev/nvidia1"), spec.devices().getFirst());
    }

    @Test
    void onTheCpuNothingOfCudaReachesTheChild() {
        ProcessSpec spec = training(DevicePlan.cpu(), 0);
        assertFalse(spec.environment().containsKey("CUDA_VISIBLE_DEVICES"));
        assertFalse(spec.environment().containsKey("PYTORCH_LIBRARY_PATH"));
        assertEquals(List.of(), spec.devices());
        assertTrue(spec.command().contains("-Ddarwin.device=cpu"), spec.command().toString());
    }
}
