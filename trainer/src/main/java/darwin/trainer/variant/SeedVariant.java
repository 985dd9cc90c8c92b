package darwin.trainer.variant;

import darwin.core.Variant;

/**
 * The bundled seed: the nanoGPT training program of package {@code darwin.program} as a variant,
 * with the harness API's sources as read-only reference files.
 */
public final class SeedVariant {

    /** The class that implements the seed program. */
    public static final String ENTRY = "darwin.program.NanoGpt";

    static final String FOLDER = "darwin/trainer/seed/";
    static final String MARKER = "program/darwin/program/NanoGpt.java";

    private SeedVariant() {}

    public static Variant variant() {
        return Variant.seed(ENTRY, BundledFiles.read(FOLDER, MARKER));
    }
}
