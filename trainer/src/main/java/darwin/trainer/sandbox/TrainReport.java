package darwin.trainer.sandbox;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What the training child sends back ({@link TrainChild} writes it, {@link SandboxEvaluator}
 * reads it, {@link ReportJson} maps it): how the training ended, and what the parent needs from
 * the child besides.
 *
 * @param ending trained, with the harness's counts and the hash of the weights it saved, or failed
 * @param trainingTokens the training tokens the child was given (the corpus's training split and
 *     the variant's datasets'); 0 when it failed before it read them
 * @param engineReadySeconds seconds from the child's start until its engine was loaded; 0 when it
 *     failed before that
 * @param logTail the end of the training curve's log; empty when the child failed before it had
 *     one to send (the parent then shows the process's own output), always there for a trained
 *     report
 */
record TrainReport(Ending ending, long trainingTokens, double engineReadySeconds, Optional<String> logTail) {

    /** How the training ended. */
    sealed interface Ending permits Trained, ReportedFailure {}

    /**
     * The program trained and returned a model whose parameters the harness saved.
     *
     * @param steps the steps the harness counted
     * @param tokens the tokens it handed out
     * @param trainSeconds the wall time of the program's training call
     * @param grant what the budget became
     * @param weightsSha256 the SHA-256 (hex) of the bytes the harness wrote to the weights file
     */
    record Trained(long steps, long tokens, double trainSeconds, GrantReport grant, String weightsSha256)
            implements Ending {

        private static final int SHA256_HEX_DIGITS = 64;

        Trained {
            if (steps < 0 || tokens < 0) {
                throw new IllegalArgumentException("negative counts: " + steps + " steps, " + tokens + " tokens");
            }
            ReportFigures.seconds("trainSeconds", trainSeconds);
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(weightsSha256, "weightsSha256");
            if (weightsSha256.length() != SHA256_HEX_DIGITS || !weightsSha256.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("the weights' hash is not a SHA-256 in hex: \"" + weightsSha256 + "\"");
            }
        }
    }

    TrainReport {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(logTail, "logTail");
        if (trainingTokens < 0) {
            throw new IllegalArgumentException("negative training tokens: " + trainingTokens);
        }
        ReportFigures.seconds("engineReadySeconds", engineReadySeconds);
        if (ending instanceof Trained && logTail.isEmpty()) {
            throw new IllegalArgumentException("a trained report carries the training curve's tail");
        }
    }
}
