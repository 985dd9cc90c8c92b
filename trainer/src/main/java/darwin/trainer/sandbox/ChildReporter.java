package darwin.trainer.sandbox;

import darwin.trainer.json.JsonObject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Supplier;

/**
 * A child's side of reporting: frames its report ({@link ReportWriter}), signs it
 * ({@link ChildReport}), prints it on the process's real standard output (whatever the program
 * did to {@code System.out}), creates the {@link Workspace#reported()} marker and ends the JVM at
 * once, whatever threads the program left running. The parent may stop the child first.
 */
final class ChildReporter {

    private static final int WARM_UP_HASH_BYTES = 64 << 10;
    private static final int WARM_UP_HASHES = 32;

    private final PrintStream out;
    private final ReportSigner signer;

    private ChildReporter(PrintStream out, ReportSigner signer) {
        this.out = out;
        this.signer = signer;
    }

    /**
     * A reporter on this process's standard output, signing with {@code key}, which it wipes: the
     * signature's and the hash's instances are obtained here ({@link ReportSigner}), so call it
     * before any of the variant's code can run.
     */
    static ChildReporter onStandardOutput(byte[] key) {
        return new ChildReporter(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                ReportSigner.create(key));
    }

    /** The SHA-256 of a byte string, in hex, with the hash obtained before the variant's code ran. */
    String sha256(byte[] bytes) {
        return signer.sha256(bytes);
    }

    /** Seconds since this JVM started (0 if the clock went back). */
    static double secondsSinceStart() {
        return Math.max(0, (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0);
    }

    /**
     * Frames a report once and drops it, on a thread of its own while the engine loads, so that
     * the real report does not pay for loading the JSON writer and the signature: tens of
     * milliseconds in a fresh JVM, between the end of the work and the parent's hearing of it.
     * With {@code hashesWeights}, it also hashes a few MiB, so that the JIT has compiled SHA-256
     * (with the processor's SHA instructions where it has them) before the trained weights are
     * hashed: over 100 ms for the seed's 3 MiB in a fresh JVM, a few once compiled
     * (BENCHMARKS.md).
     *
     * @param sample makes a throw-away report of the kind the child will send
     */
    void warmUp(Supplier<JsonObject> sample, boolean hashesWeights) {
        Thread warmUp = new Thread(() -> {
            signer.frame(sample.get());
            if (hashesWeights) {
                byte[] block = new byte[WARM_UP_HASH_BYTES];
                for (int i = 0; i < WARM_UP_HASHES; i++) {
                    signer.sha256(block);
                }
            }
        }, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Frames and signs a report and drops it, on this thread: loads and initialises what sending
     * one of its kind takes, before the variant's code can take the descriptors that loading needs.
     */
    void rehearse(TrainReport report) {
        signer.frame(ReportWriter.write(report));
    }

    /** Sends the training child's report and ends the process. */
    void send(TrainReport report) {
        send(ReportWriter.write(report));
    }

    /** Sends the scoring child's report and ends the process. */
    void send(ScoreReport report) {
        send(ReportWriter.write(report));
    }

    private void send(JsonObject json) {
        out.println(signer.frame(json));
        out.flush();
        try {
            Files.createFile(Workspace.current().reported());
        } catch (IOException | RuntimeException e) {
            // the parent waits for the exit instead
        }
        Runtime.getRuntime().halt(0);
    }
}
