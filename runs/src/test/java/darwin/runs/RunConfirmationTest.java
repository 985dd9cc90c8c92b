package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.EventType;
import darwin.memory.ledger.Ledger;
import darwin.population.confirm.Confirmation;
import darwin.trainer.variant.SeedVariant;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of {@code darwin run} and {@code darwin resume}: the best variant confirmed against the
 * seed, and the summary's headline, on a real evolution (offline catalog, compiled children)
 * whose training is a stub in which every child is 0.1 nats better than the seed.
 */
@Timeout(180)
class RunConfirmationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = SeedVariant.variant().id();

    private final StubTraining stub = new StubTraining();

    RunConfirmationTest() {
        stub.otherwise = new double[] {2.40, Math.log(0.031)};
        stub.means.put(SEED, new double[] {2.50, Math.log(0.030)});
    }

    private long confirmations(RunDirectory run) {
        return Ledger.read(run.ledger()).stream().filter(e -> e.type() == EventType.CONFIRMATION).count();
    }

    @Test
    void aRunEndsWithItsBestConfirmedAndTheSummaryShowsTheInterval(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Cli.Outcome run = stub.darwin("run", "--out", dir.toString(), "--population", "2", "--generations", "1");
        assertEquals(0, run.status(), run.err() + run.out());
        RunState state = RunState.load(new RunDirectory(dir).state(), JSON);
        String best = state.confirmed().variant();
        assertTrue(run.out().contains("best  " + best + "  perplexity "), run.out());
        assertTrue(run.out().matches("(?s).*\\(seed 12\\.\\d\\d\\): confirmed -\\d+\\.\\d% \\[-\\d+\\.\\d%, -\\d+\\.\\d%], significant\\R"
                + "      3 \\+ 3 evaluations with fresh seeds, 95% intervals; MFU .*; owned by agent-\\d.*"), run.out());
        assertTrue(run.out().contains("its changes against the seed:"), "the diff is kept: " + run.out());
        assertTrue(run.err().contains("confirming the best variant " + best + " against the seed: 3 evaluations of each"),
                run.err());
        assertTrue(run.err().contains("confirmed: perplexity -"), run.err());
        assertTrue(state.confirmed().significant());
        assertEquals(SEED, state.confirmed().seed());
        assertEquals(6, confirmations(new RunDirectory(dir)));
        List<String> confirming = stub.trained.subList(stub.trained.size() - 6, stub.trained.size());
        assertTrue(confirming.get(0).startsWith(SEED) && confirming.get(1).startsWith(best)
                && confirming.get(2).startsWith(SEED) && confirming.get(5).startsWith(best), confirming.toString());
        assertTrue(confirming.stream().noneMatch(t -> t.endsWith("@1")), "not the run's seed: " + confirming);

        Cli.Outcome done = stub.darwin("resume", dir.toString());
        assertEquals(0, done.status(), done.err());
        assertTrue(done.out().contains("has done all its 1 generations"), done.out());
    }

    @Test
    void withoutConfirmationTheSummarySaysItsFigureIsOneDrawAndUnconfirmed(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        Cli.Outcome run = stub.darwin("run", "--out", dir.toString(), "--population", "2", "--generations", "1",
                "--no-confirm");
        assertEquals(0, run.status(), run.err() + run.out());
        assertTrue(run.out().matches("(?s).*\\(seed 12\\.\\d{3}\\): -\\d+\\.\\d% in (one draw each|\\d+ draws? of it and \\d+ of the seed), unconfirmed: "
                + "confirm.enabled is false \\(darwin confirm " + Pattern.quote(dir.toString()) + " measures it\\).*"), run.out());
        assertNull(RunState.load(new RunDirectory(dir).state(), JSON).confirmed());
        assertEquals(0, confirmations(new RunDirectory(dir)));
    }

    @Test
    void aRunStoppedWhileConfirmingConfirmsOnResumeWithoutTrainingAgain(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        // the confirmation's third evaluation dies: it is neither in the cache nor in the ledger
        List<String> confirmationSeeds = Confirmation.seeds(1, 3).stream().map(seed -> "@" + seed).toList();
        Predicate<String> confirming = key -> confirmationSeeds.stream().anyMatch(key::endsWith);
        stub.killed = key -> confirming.test(key) && stub.trained.stream().filter(confirming).count() == 2;
        Cli.Outcome killed = stub.darwin("run", "--out", dir.toString(), "--population", "2", "--generations", "1");
        assertEquals(2, killed.status(), killed.out());
        assertTrue(killed.err().contains("killed while training"), killed.err());
        RunDirectory run = new RunDirectory(dir);
        assertEquals(2, confirmations(run));
        assertNull(RunState.load(run.state(), JSON).confirmed());

        stub.killed = key -> false;
        int before = stub.trained.size();
        Cli.Outcome resumed = stub.darwin("resume", dir.toString());
        assertEquals(0, resumed.status(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains(": confirmed -"), resumed.out());
        assertEquals(4, stub.trained.size() - before, "only the four evaluations not made before: "
                + stub.trained.subList(before, stub.trained.size()));
        assertEquals(6, confirmations(run));
        assertTrue(RunState.load(run.state(), JSON).confirmed().significant());
    }
}
