package darwin.trainer.sandbox;

import ai.djl.ndarray.NDManager;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.data.HeldOutWindows;
import darwin.trainer.device.Engines;
import darwin.trainer.harness.Scorer;
import darwin.trainer.harness.TrainingSession;
import darwin.trainer.json.JsonObject;
import darwin.trainer.measure.FlopCount;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The scoring process: builds the variant's untrained model with {@code newModel}, loads the
 * trained weights into it, and scores it with the harness's {@link Scorer}.
 *
 * <p>The parent starts it while the variant is still training: it loads the engine, creates
 * {@code engine.ready} and waits for {@code weights.ready}, so that its start-up does not add to
 * the evaluation's time and does not compete with the training for the cores.
 *
 * <p>Arguments: {@code --entry CLASS --seed N --vocabulary V --window L --every K}. Standard input: the
 * report key, then the held-out tokens (a count and the ids). The held-out text reaches this
 * process only through its standard input, read in full into a local variable before any of the
 * variant's code is loaded; it is never written to a file.
 */
public final class ScoreChild {

    private ScoreChild() {}

    /** Seconds since this JVM started. */
    static double sinceStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    }

    public static void main(String[] args) throws Exception {
        DataInputStream in = new DataInputStream(System.in);
        byte[] key = TrainChild.readKey();
        int count = in.readInt();
        int[] heldOut = new int[count];
        for (int i = 0; i < count; i++) {
            heldOut[i] = in.readInt();
        }
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ChildArguments arguments = ChildArguments.parse(args);
        Workspace workspace = Workspace.current();
        JsonObject result = new JsonObject();
        try {
            long seed = Long.parseLong(arguments.get("seed"));
            int vocabulary = Integer.parseInt(arguments.get("vocabulary"));
            int window = Integer.parseInt(arguments.get("window"));
            int every = Integer.parseInt(arguments.get("every"));
            TrainChild.warmUp(key, false);
            Engines.load();
            result.put("engineReadySeconds", sinceStart());
            // started while the variant trains: say so, then wait for the weights
            Files.createFile(workspace.engineReady());
            while (!Files.exists(workspace.weightsReady())) {
                Thread.sleep(5);
            }
            long scoringStart = System.nanoTime();
            var trained = WeightsFile.read(workspace.weights());
            TrainingProgram program;
            try {
                program = ProgramLoader.load(workspace.readClasses(), arguments.get("entry"));
            } catch (ProgramLoader.LoadException e) {
                result.put("status", e.status().name());
                result.put("reason", e.getMessage());
                TrainChild.emit(report, key, result);
                return;
            }
            try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice())) {
                LanguageModel model;
                try {
                    model = program.newModel(manager, vocabulary);
                    if (model == null) {
                        throw new IllegalStateException("newModel returned null");
                    }
                    WeightsFile.load(trained, model.parameters());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    result.put("status", "VIOLATION");
                    result.put("reason", "the trained weights do not fit the program's newModel: " + e.getMessage());
                    TrainChild.emit(report, key, result);
                    return;
                } catch (RuntimeException | LinkageError e) {
                    result.put("status", "RUNTIME_ERROR");
                    result.put("reason", "newModel failed: " + TrainingSession.describe(e));
                    TrainChild.emit(report, key, result);
                    return;
                }
                long checksStart = System.nanoTime();
                long[] lossStart = new long[1];
                Scorer.Result scored = new Scorer(new HeldOutWindows(heldOut, window, every), vocabulary, seed)
                        .score(model, manager, () -> lossStart[0] = System.nanoTime());
                result.put("checkSeconds", (lossStart[0] - checksStart) / 1e9);
                result.put("heldOutSeconds", (System.nanoTime() - lossStart[0]) / 1e9);
                result.put("scoringSeconds", (System.nanoTime() - scoringStart) / 1e9);
                if (scored.failure() != null) {
                    result.put("status", scored.failure().status().name());
                    result.put("reason", scored.failure().reason());
                } else {
                    FlopCount flops = scored.score().flops();
                    result.put("status", "OK");
                    result.put("valLoss", scored.score().valLoss());
                    result.put("parameters", flops.parameters());
                    result.put("matmulParameters", flops.matmulParameters());
                    result.put("layers", flops.layers());
                    result.put("width", flops.width());
                    result.put("contextLength", flops.contextLength());
                }
            }
            TrainChild.emit(report, key, result);
        } catch (Throwable failure) {
            result.put("status", "RUNTIME_ERROR");
            result.put("reason", "the scoring process failed: " + TrainingSession.describe(failure));
            TrainChild.emit(report, key, result);
        }
    }
}
