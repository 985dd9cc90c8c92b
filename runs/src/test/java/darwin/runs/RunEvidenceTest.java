package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.MutationTask;
import darwin.core.Personas;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.trainer.variant.SeedVariant;
import darwin.trainer.variant.VariantDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEvidenceTest {

    private static final Variant SEED = SeedVariant.variant();

    private static MutationTask task(String agent) {
        return new MutationTask(agent, Personas.forAgent(0), List.of(), SEED, "agent-2", Optional.empty(), List.of(),
                List.of(), List.of(), Budget.seconds(20), 1);
    }

    /** A run whose seed's training loss still falls steeply at the end of its budget. */
    private static RunDirectory run(Path dir) throws Exception {
        RunDirectory run = new RunDirectory(dir);
        VariantDirectory.write(SEED, run.variant(SEED.id()));
        StringBuilder curve = new StringBuilder();
        for (int step = 1; step <= 100; step++) {
            curve.append("{\"step\":").append(step).append(",\"loss\":").append(4.0 - 2.0 * step / 100).append("}\n");
        }
        Files.createDirectories(run.variant(SEED.id()).resolve("logs"));
        Files.writeString(run.variant(SEED.id()).resolve("logs/curve.jsonl"), curve);
        return run;
    }

    @Test
    void aSteepCurveAsksForMoreBudgetOnceAndNotWhileARequestWaits(@TempDir Path dir) throws Exception {
        RunDirectory run = run(dir);
        RunEvidence evidence = new RunEvidence(run);
        UpgradeRequest request = evidence.apply(task("agent-1")).orElseThrow();
        assertEquals(RequestKind.BUDGET, request.kind());
        assertEquals("seconds-40.0", request.payload());
        assertEquals(Optional.of(request), evidence.apply(task("agent-3")),
                "a proposal of the same generation asks the same: the loop files the first in slot order");

        RequestBook book = new RequestBook(run.requests(), new ObjectMapper(), Clock.systemUTC());
        book.file("g1-s0", 1, "agent-1", request);
        RunEvidence later = new RunEvidence(run);
        assertTrue(later.apply(task("agent-1")).isEmpty(), "a BUDGET request is pending");
        book.decide("r1", RequestStatus.DENIED, "ada", "", "");
        assertTrue(later.apply(task("agent-1")).isEmpty(), "the same budget was asked for before");
    }

    @Test
    void noCurveNoRequest(@TempDir Path dir) throws Exception {
        RunDirectory run = run(dir);
        Files.delete(run.variant(SEED.id()).resolve("logs/curve.jsonl"));
        assertTrue(new RunEvidence(run).apply(task("agent-1")).isEmpty());
    }
}
