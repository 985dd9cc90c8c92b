package darwin.trainer.sandbox;

import ai.djl.ndarray.NDManager;
import darwin.core.Budget;
import darwin.program.NanoGpt;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.TokenSampler;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.TokenGrant;
import darwin.trainer.harness.TrainingListener;
import darwin.trainer.harness.TrainingOutcome;
import darwin.trainer.harness.TrainingSession;
import darwin.trainer.json.JsonObject;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The training process: loads the engine, waits for the parent's word that the variant's classes
 * are in place, loads them, grants the budget as tokens where it is counted in FLOPs or equal time
 * ({@link TokenGrant}: for equal time, speed probes of the variant against the seed, whose classes
 * are the harness's own and coexist with the variant's in their {@link VariantClassLoader}), trains
 * the program under the budget with the harness's training session, saves the returned model's
 * weights, and reports what the harness counted. Started by {@link SandboxEvaluator}; its working
 * directory is its {@link Workspace}.
 *
 * <p>Arguments: {@code --entry CLASS --budget KEY --seed N --vocabulary V}, and for an equal-time
 * budget {@code --reference-throughput TOKENS_PER_SECOND}. Standard input: the report key. The
 * training tokens are in {@code train.tokens}.
 */
public final class TrainChild {

    private static final int WARM_UP_HASH_BYTES = 64 << 10;
    private static final int WARM_UP_HASHES = 32;

    private TrainChild() {}

    public static void main(String[] args) throws Exception {
        // the key first, before any of the variant's code can run
        byte[] key = readKey();
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ChildArguments arguments = ChildArguments.parse(args);
        Workspace workspace = Workspace.current();
        JsonObject result = new JsonObject();
        try {
            Budget budget = Budget.ofKey(arguments.get("budget"));
            long seed = Long.parseLong(arguments.get("seed"));
            int vocabulary = Integer.parseInt(arguments.get("vocabulary"));
            double referenceThroughput = Double.parseDouble(arguments.get("reference-throughput", "0"));
            warmUp(key, true);
            int[] tokens = Workspace.readTokens(workspace.trainTokens());
            result.put("trainingTokens", tokens.length);
            Engines.load();
            result.put("engineReadySeconds", ScoreChild.sinceStart());
            // ready: wait for the parent's word, given once the variant's classes are in the workspace
            // (the parent compiles them while the engines load) and the scoring process is ready too
            Files.createFile(workspace.engineReady());
            while (!Files.exists(workspace.go())) {
                Thread.sleep(2);
            }
            TrainingProgram program;
            try {
                program = ProgramLoader.load(workspace.readClasses(), arguments.get("entry"));
            } catch (ProgramLoader.LoadException e) {
                result.put("status", e.status().name());
                result.put("reason", e.getMessage());
                emit(report, key, result);
                return;
            }
            try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
                TrainingSession session = new TrainingSession(manager.getDevice(), vocabulary);
                TokenGrant.Grant grant = new TokenGrant(session, vocabulary, new NanoGpt(), referenceThroughput,
                        probe -> new TokenSampler(tokens, TokenGrant.probeSeed(seed, probe)))
                        .grant(program, manager, budget, seed, TrainingListener.NONE);
                if (grant.failure() != null) {
                    result.put("status", grant.failure().status().name());
                    result.put("reason", grant.failure().reason());
                    result.put("logTail", grant.failure().logTail());
                    emit(report, key, result);
                    return;
                }
                GrantReport.write(result, grant);
                TrainingOutcome outcome = session.train(program, manager, new TokenSampler(tokens, seed), grant.budget(), seed,
                        workspace.curve(), TrainingListener.NONE);
                result.put("steps", outcome.steps());
                result.put("tokens", outcome.tokens());
                result.put("trainSeconds", outcome.trainSeconds());
                result.put("logTail", outcome.logTail());
                if (outcome.trained()) {
                    byte[] weights;
                    try {
                        weights = WeightsFile.write(outcome.model().parameters(), workspace.weights());
                    } catch (RuntimeException e) {
                        result.put("status", "RUNTIME_ERROR");
                        result.put("reason", "cannot save the trained model's parameters: " + TrainingSession.describe(e));
                        emit(report, key, result);
                        return;
                    }
                    result.put("status", "TRAINED");
                    // the hash of what was written, not of the file, which a leftover thread could replace
                    result.put("weightsSha256", ChildReport.sha256(weights));
                } else {
                    result.put("status", outcome.failure().status().name());
                    result.put("reason", outcome.failure().reason());
                }
            }
            emit(report, key, result);
        } catch (Throwable failure) {
            result.put("status", "RUNTIME_ERROR");
            result.put("reason", "the training process failed: " + TrainingSession.describe(failure));
            emit(report, key, result);
        }
    }

    /**
     * Frames a report once and drops it, on a thread of its own while the engine loads, so that
     * the real report does not pay for loading the JSON writer and the signature: tens of
     * milliseconds in a fresh JVM, between the end of the work and the parent's hearing of it.
     * With {@code hashesWeights}, it also hashes a few MiB, so that the JIT has compiled SHA-256
     * (with the processor's SHA instructions where it has them) before the trained weights are
     * hashed: over 100 ms for the seed's 3 MiB in a fresh JVM, a few once compiled
     * (BENCHMARKS.md).
     */
    static void warmUp(byte[] key, boolean hashesWeights) {
        Thread warmUp = new Thread(() -> {
            JsonObject sample = new JsonObject();
            sample.put("status", "WARM-UP");
            sample.put("seconds", 0.5);
            ChildReport.frame(key, sample);
            if (hashesWeights) {
                byte[] block = new byte[WARM_UP_HASH_BYTES];
                for (int i = 0; i < WARM_UP_HASHES; i++) {
                    ChildReport.sha256(block);
                }
            }
        }, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    static byte[] readKey() throws IOException {
        DataInputStream in = new DataInputStream(System.in);
        int length = in.readInt();
        if (length < 16 || length > 1024) {
            throw new IOException("bad key length " + length);
        }
        return in.readNBytes(length);
    }

    /**
     * Sends the report, says so with {@link Workspace#reported()}, and ends the process at once,
     * whatever threads the program left running (the parent may stop it first).
     */
    static void emit(PrintStream report, byte[] key, JsonObject result) {
        report.println(ChildReport.frame(key, result));
        report.flush();
        try {
            Files.createFile(Workspace.current().reported());
        } catch (IOException | RuntimeException e) {
            // the parent waits for the exit instead
        }
        Runtime.getRuntime().halt(0);
    }
}
