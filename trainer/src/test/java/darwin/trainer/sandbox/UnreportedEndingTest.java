package darwin.trainer.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.EvaluationResult;
import darwin.core.EvaluationStatus;
import darwin.trainer.process.ProcessOutcome;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnreportedEndingTest {

    private static ProcessOutcome exited(int code, String stderr) {
        return new ProcessOutcome(List.of("java"), false, ProcessOutcome.Ending.EXITED, OptionalInt.of(code),
                Duration.ofSeconds(3), "", stderr);
    }

    private static ProcessOutcome stopped(ProcessOutcome.Ending ending, String stderr) {
        return new ProcessOutcome(List.of("java"), false, ending, OptionalInt.empty(), Duration.ofSeconds(65), "", stderr);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        "terminate called after throwing an instance of 'std::bad_alloc'",
        "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: can't allocate memory: you tried to allocate 9 GB",
        "Error occurred during initialization of VM: Cannot allocate memory",
        "ai.djl.engine.EngineException: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.11 GiB total capacity)",
        "terminate called after throwing an instance of 'c10::Error' what(): CUDA error: out of memory",
        "RuntimeException: CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`"
    })
    void whatTheJvmOrTheAllocatorSaysIsOutOfMemory(String stderr) {
        UnreportedEnding ending = UnreportedEnding.of(exited(1, "loading…\n" + stderr));
        assertEquals(UnreportedEnding.OUT_OF_MEMORY, ending);
        assertEquals(EvaluationStatus.OUT_OF_MEMORY, ending.status());
        assertEquals("the training process ran out of memory", ending.reason(exited(1, stderr), "training", null));
    }

    @Test
    void everyMessageItKnowsIsTested() {
        assertEquals(List.of("outofmemoryerror", "cannot allocate memory", "can't allocate", "std::bad_alloc",
                "cuda out of memory", "cuda error: out of memory", "cublas_status_alloc_failed"),
                UnreportedEnding.OUT_OF_MEMORY_MESSAGES, "a new message needs a case above");
    }

    @Test
    void killedBySigkillIsOutOfMemory() {
        ProcessOutcome killed = exited(137, "");
        assertEquals(UnreportedEnding.KILLED, UnreportedEnding.of(killed));
        assertEquals(EvaluationStatus.OUT_OF_MEMORY, UnreportedEnding.of(killed).status());
        assertEquals("the scoring process ran out of memory", UnreportedEnding.of(killed).reason(killed, "scoring", null));
    }

    @Test
    void theDeadlineIsATimeoutWhateverStandardErrorSays() {
        ProcessOutcome late = stopped(ProcessOutcome.Ending.DEADLINE, "java.lang.OutOfMemoryError");
        assertEquals(UnreportedEnding.TIMED_OUT, UnreportedEnding.of(late));
        assertEquals(EvaluationStatus.TIMEOUT, UnreportedEnding.TIMED_OUT.status());
        assertEquals("the training process ran past its limit of 65 s (20 steps plus grace) and was stopped",
                UnreportedEnding.TIMED_OUT.reason(late, "training", Budget.steps(20)));
        assertEquals("the scoring process ran past its limit of 65 s and was stopped",
                UnreportedEnding.TIMED_OUT.reason(late, "scoring", null));
    }

    @Test
    void anyOtherEndIsARuntimeErrorThatSuggestsSystemExit() {
        ProcessOutcome exit = exited(3, "bye");
        assertEquals(UnreportedEnding.ENDED, UnreportedEnding.of(exit));
        assertEquals(EvaluationStatus.RUNTIME_ERROR, UnreportedEnding.ENDED.status());
        assertEquals("the training process ended with status 3 without reporting a result"
                + " (did the program call System.exit or crash the JVM?)", UnreportedEnding.ENDED.reason(exit, "training", null));
        ProcessOutcome interrupted = stopped(ProcessOutcome.Ending.INTERRUPTED, "");
        assertEquals(UnreportedEnding.ENDED, UnreportedEnding.of(interrupted));
        assertTrue(UnreportedEnding.ENDED.reason(interrupted, "training", null).startsWith("the training process ended without"));
    }

    @Test
    void theResultShowsTheProcessesOutput() {
        ProcessOutcome crashed = new ProcessOutcome(List.of("java"), false, ProcessOutcome.Ending.EXITED, OptionalInt.of(134),
                Duration.ofSeconds(1), "loading\n", "# A fatal error has been detected\n");
        EvaluationResult result = UnreportedEnding.of(crashed).result(crashed, "training", Budget.steps(20));
        assertEquals(EvaluationStatus.RUNTIME_ERROR, result.status());
        assertEquals("stdout:\nloading\nstderr:\n# A fatal error has been detected", result.logTail());
    }
}
