package darwin.trainer.sandbox;

import darwin.trainer.process.ProcessOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that keeps an evaluation's logs once its workspaces are gone: the children's
 * standard output and error and the training curve. Logs are a courtesy: a copy that fails is
 * left out, and the result does not depend on them.
 *
 * <p>The child could have put anything at these names, so each is read as an
 * {@link UntrustedFile}: a link is not followed, only a regular file is read, and at most
 * {@link #MAX_BYTES} of it (its head and tail, the cut marked). What was refused is kept as a line
 * that says what was found there, so that a reader of the logs sees it.
 */
final class EvaluationLogs {

    /** The most of each log that is kept. */
    static final int MAX_BYTES = 4 << 20;

    private final Path folder;

    /** @param folder where the logs go, or {@code null} to keep none */
    EvaluationLogs(Path folder) {
        this.folder = folder;
    }

    /** Keeps the training child's curve and output: {@code curve.jsonl}, {@code train.stdout.log}, {@code train.stderr.log}. */
    void keepTraining(Workspace train) {
        keep(train.curve(), "curve.jsonl");
        keep(train.stdout(), "train.stdout.log");
        keep(train.stderr(), "train.stderr.log");
    }

    /** Keeps the scoring child's output: {@code score.stdout.log}, {@code score.stderr.log}. */
    void keepScoring(Workspace score) {
        keep(score.stdout(), "score.stdout.log");
        keep(score.stderr(), "score.stderr.log");
    }

    /** Keeps the output of the child that scores the checking rows: {@code check.stdout.log}, {@code check.stderr.log}. */
    void keepChecking(Workspace check) {
        keep(check.stdout(), "check.stdout.log");
        keep(check.stderr(), "check.stderr.log");
    }

    /** What a result's log tail shows of a child's output: the tails of its standard output and error, labelled. */
    static String tail(ProcessOutcome outcome) {
        String out = outcome.stdoutTail().strip();
        String err = outcome.stderrTail().strip();
        return (out.isEmpty() ? "" : "stdout:\n" + out + "\n") + (err.isEmpty() ? "" : "stderr:\n" + err);
    }

    private void keep(Path file, String name) {
        if (folder == null || !UntrustedFile.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), UntrustedFile.textOrWhy(file, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // logs are a courtesy; the result does not depend on them
        }
    }
}
