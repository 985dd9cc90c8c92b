package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.process.LimitBreach;
import darwin.trainer.process.ProcessOutcome;
import darwin.trainer.process.ResourceLimits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A child that went over a limit is a VIOLATION naming it; one that did not is left to its report. */
class LimitFailureTest {

    private static final ResourceLimits LIMITS = ResourceLimits.DEFAULTS.withTmpBytes(64L << 20).withOpenFiles(512);

    private static ProcessOutcome finished(String stderr, List<LimitBreach> breaches) {
        return new ProcessOutcome(List.of("java"), false, ProcessOutcome.Ending.FINISHED, OptionalInt.empty(),
                Duration.ofSeconds(2), "", stderr, breaches);
    }

    @Test
    void aFullTmpReportedAtOnceNamesTheTmpLimit() {
        Optional<EvaluationResult> result = LimitFailure.of(finished("", List.of()), "training", LIMITS,
                "IOException: No space left on device (at sun.nio.ch.UnixFileDispatcherImpl.write0:-2)");

        assertEquals(EvaluationStatus.VIOLATION, result.orElseThrow().status());
        assertTrue(result.get().reason().contains("at most 64 MiB (the /tmp limit)"), result.get().reason());
    }

    @Test
    void aBreachTheRunnerSawCountsEvenWithAReportOfSuccess() {
        LimitBreach breach = new LimitBreach(LimitBreach.Limit.TASKS, "tried to run more than 256 processes and threads at once");
        Optional<EvaluationResult> result = LimitFailure.of(finished("", List.of(breach)), "training", LIMITS, null);

        assertEquals(EvaluationStatus.VIOLATION, result.orElseThrow().status());
        assertEquals("the training process tried to run more than 256 processes and threads at once", result.get().reason());
    }

    @Test
    void tooManyOpenFilesOnStandardErrorNamesTheOpenFileLimit() {
        Optional<EvaluationResult> result = LimitFailure.of(finished("java.io.FileNotFoundException: /dev/null (Too many open files)",
                List.of()), "scoring", LIMITS, "");

        assertTrue(result.orElseThrow().reason().contains("at most 512 open files (the open-file limit)"), result.get().reason());
    }

    @Test
    void aReportOfSuccessOrAnOrdinaryFailureIsLeftAlone() {
        assertEquals(Optional.empty(), LimitFailure.of(finished("No space left on device", List.of()), "training", LIMITS, null));
        assertEquals(Optional.empty(), LimitFailure.of(finished("", List.of()), "training", LIMITS, "IllegalStateException: oops"));
    }
}
