package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The endpoint check against real HTTP servers on loopback, and an address where none listens. */
@Timeout(60)
class EndpointProbeTest {

    private static final String KEY_VARIABLE = "DARWIN_TEST_LLM_KEY";

    private static LlmClients.Builder builder(ProviderSettings settings, CostLedger ledger) {
        return LlmClients.builder(settings).environment(Map.of(KEY_VARIABLE, "sk-test")::get).ledger(ledger)
                .prices(PriceTable.flat(PriceTable.Price.FREE));
    }

    private static ProviderSettings openAi(String baseUrl, String model) {
        return ProviderSettings.of(Provider.OPENAI, model).withBaseUrl(baseUrl).withApiKeyVariable(KEY_VARIABLE)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void aListedModelAnswersWithoutACompletion() throws IOException {
        try (ChatStandIn server = ChatStandIn.start(List.of("other", "test-model"), n -> "ok")) {
            EndpointStatus status = builder(openAi(server.baseUrl(), "test-model"), new CostLedger()).probe().check();
            assertInstanceOf(EndpointStatus.Answering.class, status, status::toString);
            assertEquals(1, server.listings());
            assertEquals(0, server.completions());
        }
    }

    @Test
    void anUnlistedModelIsAskedOnceAndTheCheckIsBooked() throws IOException {
        try (ChatStandIn server = ChatStandIn.start(List.of("other"), n -> "ok")) {
            CostLedger ledger = new CostLedger();
            EndpointStatus status = builder(openAi(server.baseUrl(), "alias-model"), ledger).probe().check();
            assertInstanceOf(EndpointStatus.Answering.class, status, status::toString);
            assertEquals(1, server.completions());
            assertEquals(15, ledger.agent(EndpointProbe.AGENT).usage().inputTokens()
                    + ledger.agent(EndpointProbe.AGENT).usage().outputTokens());
        }
    }

    @Test
    void aServerWithoutAListingIsAskedForACompletion() throws IOException {
        try (ChatStandIn server = ChatStandIn.start(List.of(), n -> "ok").listingAnswers(501)) {
            EndpointStatus status = builder(openAi(server.baseUrl(), "test-model"), new CostLedger()).probe().check();
            assertInstanceOf(EndpointStatus.Answering.class, status, status::toString);
            assertEquals(1, server.completions());
        }
    }

    @Test
    void aRefusedKeyIsAMisconfigurationThatNamesTheVariable() throws IOException {
        try (ChatStandIn server = ChatStandIn.start(List.of("test-model"), n -> "ok").listingAnswers(401)) {
            EndpointStatus status = builder(openAi(server.baseUrl(), "test-model"), new CostLedger()).probe().check();
            assertInstanceOf(EndpointStatus.Misconfigured.class, status, status::toString);
            assertTrue(status.detail().contains(KEY_VARIABLE), status.detail());
            assertTrue(!status.detail().contains("sk-test"), status.detail());
        }
    }

    @Test
    void aMissingModelIsAMisconfigurationThatNamesWhatIsOffered() throws IOException {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.then(LoopbackServer.Scripted.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\","
                    + "\"created\":1,\"owned_by\":\"x\"}]}"), LoopbackServer.Scripted.json(404,
                    "{\"error\":{\"message\":\"The model `gpt-40` does not exist\"}}"));
            EndpointStatus status = builder(openAi(server.baseUrl(), "gpt-40"), new CostLedger()).probe().check();
            assertInstanceOf(EndpointStatus.Misconfigured.class, status, status::toString);
            assertTrue(status.detail().contains("llm.model") && status.detail().contains("gpt-4o"), status.detail());
        }
    }

    @Test
    void nothingListeningIsDownWithinSeconds() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();
        EndpointStatus status = builder(openAi("http://127.0.0.1:" + port + "/v1", "test-model"), new CostLedger()).probe()
                .check();
        assertInstanceOf(EndpointStatus.Down.class, status, status::toString);
        assertTrue(status.detail().contains("cannot reach") || status.detail().contains("connection"), status.detail());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void anOllamaTagCoversTheBareModelName() throws IOException {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.then(LoopbackServer.Scripted.json(200, "{\"models\":[{\"name\":\"llama3:latest\",\"model\":\"llama3:latest\","
                    + "\"size\":1,\"digest\":\"abc\"}]}"));
            ProviderSettings ollama = ProviderSettings.of(Provider.OLLAMA, "llama3")
                    .withBaseUrl(server.baseUrl().replace("/v1", "")).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
            EndpointStatus status = builder(ollama, new CostLedger()).probe().check();
            assertInstanceOf(EndpointStatus.Answering.class, status, status::toString);
            assertEquals("/api/tags", server.last().path());
        }
    }

    @Test
    void modelNamesMatchAcrossProviderHabits() {
        assertTrue(ModelListing.offers(List.of("models/gemini-2.0-flash"), "gemini-2.0-flash"));
        assertTrue(ModelListing.offers(List.of("llama3:latest"), "llama3"));
        assertTrue(ModelListing.offers(List.of("Qwen/Qwen2.5-7B"), "qwen/qwen2.5-7b"));
        assertTrue(!ModelListing.offers(List.of("llama3:8b"), "llama3"));
    }

    @Test
    void reachingAnEndpointCostsNoTokensWhateverItLists() throws IOException {
        try (ChatStandIn server = ChatStandIn.start(List.of("other"), n -> "ok").listingAnswers(501)) {
            EndpointProbe probe = builder(openAi(server.baseUrl(), "test-model"), new CostLedger()).probe();
            assertInstanceOf(EndpointStatus.Answering.class, probe.reachable());
            server.listingAnswers(401);
            assertInstanceOf(EndpointStatus.Answering.class, probe.reachable(), "a refused key is an answer");
            server.listingAnswers(503);
            assertInstanceOf(EndpointStatus.Down.class, probe.reachable());
            server.stop();
            assertInstanceOf(EndpointStatus.Down.class, probe.reachable());
            assertEquals(0, server.completions());
        }
    }
}
