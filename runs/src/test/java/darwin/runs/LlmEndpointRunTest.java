package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.memory.ledger.EndpointPaused;
import darwin.memory.ledger.EndpointResumed;
import darwin.memory.ledger.EndpointStopped;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEvent;
import darwin.memory.ledger.LedgerEvents;
import darwin.memory.ledger.LlmOutage;
import darwin.memory.ledger.Proposed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against an LLM endpoint that is not there, goes down in the middle, or stays down: the
 * training is stubbed ({@link StubTraining}), the endpoint is a real HTTP server on loopback.
 */
@Timeout(240)
class LlmEndpointRunTest {

    private final StubTraining stub = new StubTraining();

    private static Path config(Path tmp, String baseUrl, String outageLimit) throws IOException {
        return Files.writeString(tmp.resolve("darwin.yaml"), """
                population:
                  agents: 2
                  generations: 1
                budget:
                  steps: 2
                fitness:
                  noise-floor: 2
                llm:
                  provider: openai
                  model: %s
                  base-url: %s
                  retries: 0
                  repair-rounds: 0
                  outage-limit: %s
                confirm:
                  enabled: false
                """.formatted(LlmStandIn.MODEL, baseUrl, outageLimit));
    }

    private static <E extends LedgerEvent> List<E> events(Path dir, Class<E> kind) {
        return LedgerEvents.of(Ledger.read(dir.resolve("ledger.jsonl")), kind);
    }

    private static List<String> proposalStatuses(Path dir) {
        return events(dir, Proposed.class).stream().map(Proposed::status).toList();
    }

    @Test
    void aRunAgainstAnEndpointThatIsNotThereStopsWithinSecondsAndCreatesNothing(@TempDir Path tmp) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path dir = tmp.resolve("run");
        long start = System.nanoTime();
        Cli.Outcome outcome = stub.darwin("run", "--config", config(tmp, "http://127.0.0.1:" + port + "/v1", "1h").toString(),
                "--out", dir.toString());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains("does not answer") && outcome.err().contains("Nothing was started"), outcome.err());
        assertTrue(outcome.err().contains("llm.base-url"), outcome.err());
        assertFalse(Files.exists(dir), "nothing is created");
        assertTrue(stub.trained.isEmpty());
    }

    @Test
    void aModelTheEndpointDoesNotHaveIsNamedBeforeAnythingStarts(@TempDir Path tmp) throws IOException {
        try (LlmStandIn llm = new LlmStandIn()) {
            Path file = Files.writeString(tmp.resolve("other.yaml"), Files.readString(config(tmp, llm.baseUrl(), "1h"))
                    .replace("model: " + LlmStandIn.MODEL, "model: no-such-model"));
            Path dir = tmp.resolve("run");
            Cli.Outcome outcome = stub.darwin("run", "--config", file.toString(), "--out", dir.toString());
            assertEquals(2, outcome.status(), outcome.err());
            assertTrue(outcome.err().contains("Check llm.model") && outcome.err().contains("it names " + LlmStandIn.MODEL),
                    outcome.err());
            assertFalse(Files.exists(dir));
        }
    }

    @Test
    void anOutageInTheMiddlePausesTheRunWhichGoesOnByItselfAndLosesNoProposal(@TempDir Path tmp) throws Exception {
        try (LlmStandIn llm = new LlmStandIn()) {
            llm.downAfter = 1;
            Path dir = tmp.resolve("run");
            CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return stub.darwin("run", "--config", config(tmp, llm.baseUrl(), "5m").toString(), "--out", dir.toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (events(dir, LlmOutage.class).isEmpty() && System.nanoTime() < deadline && !run.isDone()) {
                Thread.sleep(100);
            }
            assertInstanceOf(EndpointPaused.class, events(dir, LlmOutage.class).getFirst());
            Cli.Outcome paused = Cli.darwin("status", dir.toString());
            assertTrue(paused.out().contains("LLM endpoint: not answering since"), paused.out());
            Thread.sleep(3000); // the outage lasts a few seconds
            llm.up();
            Cli.Outcome outcome = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, outcome.status(), outcome.err());
            assertTrue(outcome.err().contains("new proposals are paused") && outcome.err().contains("answers again"),
                    outcome.err());
            assertEquals(List.of("PROPOSED", "PROPOSED"), proposalStatuses(dir));
            assertEquals(List.of(EndpointPaused.class, EndpointResumed.class), events(dir, LlmOutage.class).stream()
                    .map(Object::getClass).toList());
            assertTrue(llm.refused() > 0);
            Cli.Outcome status = Cli.darwin("status", dir.toString(), "--json");
            assertTrue(status.out().contains("\"llmEndpoint\":{\"state\":\"answering\",\"outages\":1"), status.out());
        }
    }

    @Test
    void anEndpointDownPastTheLimitStopsTheRunResumably(@TempDir Path tmp) throws Exception {
        try (LlmStandIn llm = new LlmStandIn()) {
            llm.downAfter = 1;
            Path dir = tmp.resolve("run");
            Path file = config(tmp, llm.baseUrl(), "10s");
            Cli.Outcome stopped = stub.darwin("run", "--config", file.toString(), "--out", dir.toString());
            assertEquals(RunSession.ENDPOINT_DOWN, stopped.status(), stopped.err());
            assertTrue(stopped.err().contains("llm.outage-limit") && stopped.err().contains("darwin resume " + dir),
                    stopped.err());
            assertFalse(proposalStatuses(dir).contains("LLM_FAILED"), proposalStatuses(dir)::toString);
            assertInstanceOf(EndpointStopped.class, events(dir, LlmOutage.class).getLast());
            assertTrue(Cli.darwin("status", dir.toString()).out().contains("the run stopped: darwin resume"));

            llm.up();
            Cli.Outcome resumed = stub.darwin("resume", dir.toString());
            assertEquals(0, resumed.status(), resumed.err());
            assertEquals(List.of("PROPOSED", "PROPOSED"), proposalStatuses(dir));
        }
    }
}
