package darwin.trainer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuDatasheetTest {

    @Test
    void cardsAreRecognizedByTheDriversName() {
        assertEquals(Optional.of(GpuDatasheet.H100_SXM), GpuDatasheet.of("NVIDIA H100 80GB HBM3"));
        assertEquals(Optional.of(GpuDatasheet.H100_PCIE), GpuDatasheet.of("NVIDIA H100 PCIe"));
        assertEquals(Optional.of(GpuDatasheet.A100), GpuDatasheet.of("NVIDIA A100-SXM4-40GB"));
        assertEquals(Optional.of(GpuDatasheet.L4), GpuDatasheet.of("NVIDIA L4"));
        assertEquals(Optional.of(GpuDatasheet.L40S), GpuDatasheet.of("NVIDIA L40S"), "L40S is not an L4");
        assertEquals(Optional.empty(), GpuDatasheet.of("NVIDIA GeForce GT 710"));
    }

    @Test
    void theDatasheetPeakStandsBesideTheMeasuredOne() {
        assertEquals("measured 51.2 TFLOP/s FP32 on NVIDIA H100 80GB HBM3; its datasheet: 67 FP32, 494.7 TF32 TFLOP/s",
                GpuDatasheet.besideMeasured("NVIDIA H100 80GB HBM3", 51.2e12));
        assertTrue(GpuDatasheet.besideMeasured("Some GPU", 1e12).endsWith("(not in darwin's datasheet table)"));
        assertEquals(19.5e12, GpuDatasheet.A100.fp32Flops());
    }
}
