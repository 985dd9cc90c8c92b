package darwin.trainer.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * The peak FP32 and TF32 FLOP/s that NVIDIA's datasheets give for common cards, to set beside the
 * peak darwin measures ({@link PeakCalibration}): MFU is counted against the measured figure, in the
 * program's precision, and the datasheet's shows how far the card's matrix products fall short of
 * it. Figures are dense (TF32 without the sparsity that datasheets quote twice as high), in TFLOP/s,
 * from each card's NVIDIA datasheet (the source is noted in the package documentation). A card is
 * recognized by the name the driver reports.
 */
public enum GpuDatasheet {

    H200("H200", 67, 494.7),
    H100_SXM("H100 80GB HBM3", 67, 494.7),
    H100_PCIE("H100 PCIe", 51, 378),
    A100("A100", 19.5, 156),
    L40S("L40S", 91.6, 183),
    L4("L4", 30.3, 60),
    A10("A10", 31.2, 62.5),
    V100("V100", 15.7, 0),
    T4("T4", 8.1, 0);

    private final String namePart;
    private final double fp32Tflops;
    private final double tf32Tflops;

    GpuDatasheet(String namePart, double fp32Tflops, double tf32Tflops) {
        this.namePart = namePart;
        this.fp32Tflops = fp32Tflops;
        this.tf32Tflops = tf32Tflops;
    }

    /** The card whose name the driver's name contains (the first that matches, most specific first). */
    public static Optional<GpuDatasheet> of(String driverName) {
        String name = driverName.toUpperCase(Locale.ROOT);
        for (GpuDatasheet card : values()) {
            if (name.matches(".*\\b" + java.util.regex.Pattern.quote(card.namePart.toUpperCase(Locale.ROOT)) + "\\b.*")) {
                return Optional.of(card);
            }
        }
        return Optional.empty();
    }

    /** The datasheet's FP32 peak, in FLOP/s. */
    public double fp32Flops() {
        return fp32Tflops * 1e12;
    }

    /** The datasheet's dense TF32 tensor-core peak, in FLOP/s; 0 for a card without TF32. */
    public double tf32Flops() {
        return tf32Tflops * 1e12;
    }

    /**
     * {@code measured 51.2 TFLOP/s FP32 on NVIDIA H100 80GB HBM3; its datasheet: 67 FP32, 494.7 TF32},
     * or the measured figure alone for a card not in the table.
     */
    public static String besideMeasured(String driverName, double measuredFlops) {
        String measured = String.format(Locale.ROOT, "measured %.1f TFLOP/s FP32 on %s", measuredFlops / 1e12, driverName);
        return of(driverName).map(card -> measured + String.format(Locale.ROOT, "; its datasheet: %s FP32%s TFLOP/s",
                trim(card.fp32Tflops), card.tf32Tflops > 0 ? ", " + trim(card.tf32Tflops) + " TF32" : ""))
                .orElse(measured + " (not in darwin's datasheet table)");
    }

    private static String trim(double tflops) {
        return tflops == Math.rint(tflops) ? Long.toString((long) tflops) : Double.toString(tflops);
    }
}
