package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import darwin.mutation.llm.LoopbackServer.Received;
import darwin.mutation.llm.LoopbackServer.Scripted;
import darwin.mutation.llm.PriceTable.Price;
import darwin.mutation.reply.ParseResult.Refused;
import darwin.mutation.reply.ParseResult.Unparsable;
import darwin.mutation.reply.ReplyParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every provider's client must do, proved against a real HTTP server on the loopback address
 * that speaks the provider's wire format. Every provider has a test that extends this
 * ({@link OpenAiClientTest}, {@link AnthropicClientTest}, {@link GeminiClientTest},
 * {@link OllamaClientTest}) and says how its API writes a reply and where its request carries the
 * model, the key, the temperature, the token limit and the schema.
 *
 * <p>Every case ends in a {@link Completion}: none may throw. A case that cannot hold for a
 * provider says so through the provider's answer and a JUnit assumption with the reason, never by
 * being left out: Ollama takes no key (the request must then carry none) and has no refusal field
 * (its refusals are plain text, which the plain-text case covers for every provider).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class LlmClientContract {

    static final String KEY = "sk-test-0123456789abcdef0123456789";
    static final String KEY_VARIABLE = "DARWIN_TEST_LLM_KEY";
    static final String MODEL = "test-model";
    /** 2 USD per million input tokens, 8 per million output tokens. */
    static final PriceTable PRICES = PriceTable.flat(Price.FREE).with(MODEL, new Price(2.0, 8.0));
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"edits\":{\"type\":\"array\"}},\"required\":[\"edits\"]}";
    static final ObjectMapper JSON = new ObjectMapper();
    /** What nginx sends when the server behind it is down. */
    static final String GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    LoopbackServer server;

    @TempDir
    Path dir;

    /** The provider under test. */
    abstract Provider provider();

    /** The path its chat requests go to. */
    abstract String path();

    /** A complete reply in the provider's wire format. */
    abstract String reply(String text, long inputTokens, long outputTokens);

    /** A reply cut off by the output token limit. */
    abstract String cutOff(String text, long inputTokens, long outputTokens);

    /** The header that carries the key, and its value for {@code key}; empty for an API that takes no key. */
    abstract Optional<Map.Entry<String, String>> keyHeader(String key);

    /** The model a request names (in its body, or in its path). */
    abstract String modelIn(Received request, JsonNode body);

    /** The temperature a request body carries. */
    abstract double temperatureIn(JsonNode body);

    /** The JSON schema a request body carries. */
    abstract JsonNode schemaIn(JsonNode body);

    /** The output token limit a request body carries. */
    abstract long maxTokensIn(JsonNode body);

    /**
     * A reply in which the model refuses through the API's own refusal field, or why the API has
     * none.
     */
    abstract Refusal refusal(String text, long inputTokens, long outputTokens);

    /** Where the provider's API lives on the loopback server. */
    String baseUrl() {
        return server.baseUrl();
    }

    /**
     * A refusal as the API writes it: the body, and whether it carries the refusal's text; or, with
     * no body, why the API has no refusal field.
     */
    record Refusal(Optional<String> body, boolean carriesText, String absentBecause) {

        static Refusal of(String body, boolean carriesText) {
            return new Refusal(Optional.of(body), carriesText, "");
        }

        static Refusal none(String because) {
            return new Refusal(Optional.empty(), false, because);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    ProviderSettings settings() {
        return ProviderSettings.of(provider(), MODEL)
                .withBaseUrl(baseUrl())
                .withApiKeyVariable(KEY_VARIABLE)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withMaxRetries(2)
                .withSampling(0.3, 256);
    }

    LlmClients.Builder builder(ProviderSettings settings) {
        return LlmClients.builder(settings)
                .environment(Map.of(KEY_VARIABLE, KEY)::get)
                .prices(PRICES)
                .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2, 0.5))
                .random(new SplittableRandom(42));
    }

    LlmClient client() {
        return builder(settings()).build();
    }

    CompletionRequest question(Duration deadline) {
        return settings().request("agent-a", "You improve training code.", "Make the model train faster.",
                Deadline.after(deadline));
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    @Test
    void aGoodReplyCarriesItsTextUsageAndCost() throws IOException {
        server.then(Scripted.json(200, reply("Use a higher learning rate.", 1000, 500)));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals("Use a higher learning rate.", replied.text());
        assertEquals(new Usage(1000, 500), replied.usage());
        assertEquals((1000 * 2.0 + 500 * 8.0) / 1e6, replied.cost(), 1e-12);
        assertEquals(FinishReason.STOP, replied.finishReason());
        assertEquals(1, replied.attempts());

        Received request = server.last();
        assertEquals("POST", request.method());
        assertEquals(path(), request.path());
        Optional<Map.Entry<String, String>> key = keyHeader(KEY);
        if (key.isPresent()) {
            assertEquals(key.get().getValue(), request.header(key.get().getKey()).orElse(null), "the key header");
        } else {
            assertTrue(request.headers().values().stream().flatMap(List::stream).noneMatch(v -> v.contains(KEY)),
                    provider() + " takes no key, and the request carries none: " + request.headers());
        }
        JsonNode body = json(request.body());
        assertEquals(MODEL, modelIn(request, body));
        assertEquals(256, maxTokensIn(body));
        assertEquals(0.3, temperatureIn(body), 1e-9);
        assertTrue(request.body().contains("Make the model train faster."), request.body());
        assertTrue(request.body().contains("You improve training code."), request.body());
    }

    @Test
    void theSchemaIsSentWhenGiven() throws IOException {
        server.always(Scripted.json(200, reply("{\"edits\":[]}", 10, 5)));

        client().complete(question(Duration.ofSeconds(10)).withJsonSchema(SCHEMA));
        assertEquals(json(SCHEMA), schemaIn(json(server.last().body())));

        client().complete(question(Duration.ofSeconds(10)));
        assertTrue(schemaIn(json(server.last().body())).isMissingNode(), "no schema when none is given");
    }

    @Test
    void aMalformedBodyIsAMalformedResponse() {
        server.always(Scripted.json(200, "{\"choices\": [ this is not json"));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.MALFORMED_RESPONSE, failed.kind(), failed.message());
        assertEquals(1, failed.attempts(), "a malformed body is not retried");
        assertEquals(1, server.requests());
    }

    @Test
    void aRateLimitIsWaitedOutAsTheServerAsks() {
        server.then(Scripted.json(429, "{\"error\":{\"message\":\"slow down\"}}").withHeader("Retry-After", "1"),
                Scripted.json(200, reply("done", 10, 5)));

        long start = System.nanoTime();
        Completion completion = client().complete(question(Duration.ofSeconds(20)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals("done", replied.text());
        assertEquals(2, replied.attempts());
        assertEquals(2, server.requests());
        assertTrue(elapsed.toMillis() >= 950, "waited " + elapsed + ", the server asked for 1 s");
        assertTrue(elapsed.toSeconds() < 15, "waited " + elapsed);
    }

    @Test
    void aServerErrorEveryTimeGivesUpAfterTheRetries() {
        server.always(Scripted.json(500, "{\"error\":{\"message\":\"boom\"}}"));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.SERVER_ERROR, failed.kind(), failed.message());
        assertEquals(settings().maxRetries() + 1, failed.attempts());
        assertEquals(settings().maxRetries() + 1, server.requests());
        assertTrue(failed.message().contains("500") && failed.message().contains("boom"), failed.message());
    }

    @Test
    void aStalledServerEndsAtTheDeadline() {
        server.always(Scripted.json(200, reply("too late", 10, 5)).after(Duration.ofSeconds(20)));

        long start = System.nanoTime();
        Completion completion = client().complete(question(Duration.ofMillis(600)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.TIMEOUT, failed.kind(), failed.message());
        assertTrue(elapsed.toMillis() >= 550, "returned before the deadline: " + elapsed);
        assertTrue(elapsed.toMillis() < 5000, "returned long after the deadline: " + elapsed);
    }

    @Test
    void theReadTimeoutBoundsEachAttempt() {
        server.always(Scripted.json(200, reply("too late", 10, 5)).after(Duration.ofSeconds(20)));
        ProviderSettings settings = settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).withMaxRetries(1);

        long start = System.nanoTime();
        Completion completion = builder(settings).build().complete(question(Duration.ofSeconds(20)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.TIMEOUT, failed.kind(), failed.message());
        assertEquals(2, failed.attempts());
        assertTrue(elapsed.toSeconds() < 10, "took " + elapsed);
    }

    @Test
    void aReplyCutAtTheTokenLimitIsTruncatedWithItsText() {
        server.always(Scripted.json(200, cutOff("public final class Gpt {", 100, 256)));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.TRUNCATED, failed.kind(), failed.message());
        assertEquals("public final class Gpt {", failed.partialText());
        assertEquals(new Usage(100, 256), failed.usage());
        assertTrue(failed.cost() > 0, "the tokens of a cut reply are paid for");
        assertEquals(1, server.requests(), "a truncated reply is not retried");
    }

    @Test
    void aRefusedKeyFailsAtOnceWithoutShowingIt() {
        server.always(Scripted.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.AUTHENTICATION, failed.kind(), failed.message());
        assertEquals(1, failed.attempts());
        assertEquals(1, server.requests(), "no retry with a refused key");
        assertFalse(failed.message().contains(KEY), failed.message());
        assertTrue(failed.message().contains("[redacted]"), failed.message());
    }

    @Test
    void theCostCapStopsCallsWithoutAskingTheServer() {
        server.always(Scripted.json(200, reply("ok", 1000, 1000)));
        CostLedger ledger = new CostLedger();
        LlmClient client = builder(settings()).ledger(ledger).costCap(0.005).build();

        Completion first = client.complete(question(Duration.ofSeconds(10)));
        assertInstanceOf(Replied.class, first, first::toString);
        assertEquals(0.01, ledger.spent(), 1e-12);

        Completion second = client.complete(question(Duration.ofSeconds(10)));

        Failed failed = assertInstanceOf(Failed.class, second, second::toString);
        assertEquals(FailureKind.COST_CAP, failed.kind());
        assertEquals(0, failed.attempts());
        assertTrue(failed.message().contains("$0.005"), failed.message());
        assertEquals(1, server.requests(), "the server saw no request past the cap");
        assertEquals(1, ledger.agent("agent-a").calls());
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheAlsoAfterARestart() throws IOException {
        server.always(Scripted.json(200, reply("cached answer", 40, 20)));
        Path file = dir.resolve("replies.jsonl");
        CompletionRequest request = question(Duration.ofSeconds(10));

        try (ReplyCache cache = ReplyCache.open(file)) {
            LlmClient client = builder(settings()).cache(cache).build();
            Completion first = client.complete(request);
            Completion again = client.complete(request.withDeadline(Deadline.after(Duration.ofSeconds(5))));

            assertEquals(1, first.attempts());
            Replied replayed = assertInstanceOf(Replied.class, again, again::toString);
            assertEquals("cached answer", replayed.text());
            assertEquals(0, replayed.attempts());
            assertEquals(0, replayed.cost());
        }
        assertEquals(1, server.requests());

        try (ReplyCache reloaded = ReplyCache.open(file)) {
            LlmClient client = builder(settings()).cache(reloaded).build();
            Completion resumed = client.complete(request);
            assertEquals("cached answer", assertInstanceOf(Replied.class, resumed, resumed::toString).text());
        }
        assertEquals(1, server.requests(), "a resumed run asks nothing twice");
    }

    // ---- Real and faulty replies: what the client hands on as sent, refusals, bodies that are not JSON ----

    @Test
    void aReplyWithADuplicateKeyComesBackAsSentAndParsesAsPreciselyUnparsable() {
        String text = "{\"reasoning\": \"r\", \"summary\": \"two edits\", \"edits\": [{\"path\": \"program/A.java\","
                + " \"content\": \"a\"}],\n \"edits\": [{\"path\": \"program/B.java\", \"content\": \"b\"}]}";
        server.then(Scripted.json(200, reply(text, 30, 40)));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals(text, replied.text(), "the client hands the text on as the model wrote it");
        Unparsable unparsable = assertInstanceOf(Unparsable.class, ReplyParser.parse(replied.text()));
        assertTrue(unparsable.why().contains("line 2, column 2"), unparsable.why());
        assertTrue(unparsable.why().contains("\"edits\" is given twice in one object (first at line 1, column 44)"),
                unparsable.why());
    }

    @Test
    void anOversizedReplyComesBackWholeWithItsUsage() {
        StringBuilder big = new StringBuilder();
        for (int line = 0; big.length() < 1 << 20; line++) {
            big.append("        double lr").append(line).append(" = 1e-3 * Math.cos(Math.PI * ").append(line).append(" / 2000.0);\n");
        }
        String text = big.toString();
        server.then(Scripted.json(200, reply(text, 12_000, 300_000)));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals(text.length(), replied.text().length());
        assertEquals(text, replied.text());
        assertEquals(new Usage(12_000, 300_000), replied.usage());
    }

    @Test
    void controlCharactersInAReplyComeBackAsSent() {
        String text = "tab\there nul\u0000 escape\u001b[31mred\u001b[0m bell\u0007 crlf\r\n del\u007f"
                + " separator\u2028 bom\uFEFF end";
        server.then(Scripted.json(200, reply(text, 10, 20)));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals(text, replied.text(), "sanitising for a terminal is for whoever prints it");
    }

    @Test
    void aRefusalInTheApisRefusalFieldIsContentFilteredWithItsText() {
        String text = "I'm sorry, but I can't help with that.";
        Refusal refusal = refusal(text, 50, 12);
        assumeTrue(refusal.body().isPresent(), () -> provider() + " has no refusal field: " + refusal.absentBecause());
        server.always(Scripted.json(200, refusal.body().get()));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.CONTENT_FILTERED, failed.kind(), failed.message());
        assertEquals(1, server.requests(), "a refusal is not retried");
        if (refusal.carriesText()) {
            assertEquals(text, failed.partialText());
            assertTrue(failed.message().contains(text), failed.message());
        }
    }

    @Test
    void aRefusalInPlainTextComesBackAsTextAndParsesAsARefusal() {
        String text = "I'm sorry, but I can't help with that.";
        server.then(Scripted.json(200, reply(text, 50, 12)));

        Completion completion = client().complete(question(Duration.ofSeconds(10)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals(text, assertInstanceOf(Refused.class, ReplyParser.parse(replied.text())).refusal());
    }

    @Test
    void anHtmlPageWithStatus200IsRetriedUntilTheServerRecovers() {
        server.then(Scripted.html(200, GATEWAY_PAGE), Scripted.json(200, reply("recovered", 10, 5)));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals("recovered", replied.text());
        assertEquals(2, replied.attempts());
        assertEquals(2, server.requests());
    }

    @Test
    void anHtmlPageWithStatus502IsRetriedUntilTheServerRecovers() {
        server.then(Scripted.html(502, GATEWAY_PAGE), Scripted.json(200, reply("recovered", 10, 5)));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals("recovered", replied.text());
        assertEquals(2, replied.attempts());
    }

    @Test
    void anEmptyBodyWithStatus200IsRetriedUntilTheServerRecovers() {
        server.then(Scripted.json(200, ""), Scripted.json(200, reply("recovered", 10, 5)));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Replied replied = assertInstanceOf(Replied.class, completion, completion::toString);
        assertEquals("recovered", replied.text());
        assertEquals(2, replied.attempts());
    }

    @Test
    void anHtmlPageEveryTimeNamesItsContentTypeAndStart() {
        server.always(Scripted.html(200, GATEWAY_PAGE));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.NOT_JSON, failed.kind(), failed.message());
        assertEquals(settings().maxRetries() + 1, failed.attempts());
        assertTrue(failed.message().contains("HTTP 200") && failed.message().contains("text/html")
                && failed.message().contains("<title>502 Bad Gateway</title>"), failed.message());
    }

    @Test
    void anHtmlErrorPageNamesItsStatusContentTypeAndStart() {
        server.always(Scripted.html(502, GATEWAY_PAGE));

        Completion completion = client().complete(question(Duration.ofSeconds(20)));

        Failed failed = assertInstanceOf(Failed.class, completion, completion::toString);
        assertEquals(FailureKind.SERVER_ERROR, failed.kind(), failed.message());
        assertEquals(settings().maxRetries() + 1, failed.attempts());
        assertTrue(failed.message().contains("HTTP 502") && failed.message().contains("text/html")
                && failed.message().contains("<title>502 Bad Gateway</title>"), failed.message());
    }

    // ---- End of real and faulty replies ----

    @Test
    void failuresAreNotCached() throws IOException {
        server.then(Scripted.json(400, "{\"error\":{\"message\":\"bad\"}}"), Scripted.json(200, reply("fine", 1, 1)));
        try (ReplyCache cache = ReplyCache.open(dir.resolve("replies.jsonl"))) {
            LlmClient client = builder(settings()).cache(cache).build();

            Completion first = client.complete(question(Duration.ofSeconds(10)));
            Completion second = client.complete(question(Duration.ofSeconds(10)));

            assertEquals(FailureKind.BAD_REQUEST, assertInstanceOf(Failed.class, first, first::toString).kind());
            assertEquals("fine", assertInstanceOf(Replied.class, second, second::toString).text());
            assertEquals(2, server.requests());
        }
    }

    @Test
    void aTruncatedReplySurvivesARestart() throws IOException {
        server.always(Scripted.json(200, cutOff("public final class Gpt {", 100, 256)));
        Path file = dir.resolve("replies.jsonl");
        CompletionRequest request = question(Duration.ofSeconds(10));

        Failed first;
        try (ReplyCache cache = ReplyCache.open(file)) {
            Completion completion = builder(settings()).cache(cache).build().complete(request);
            first = assertInstanceOf(Failed.class, completion, completion::toString);
        }
        assertEquals(1, server.requests());

        try (ReplyCache reloaded = ReplyCache.open(file)) {
            Completion resumed = builder(settings()).cache(reloaded).build().complete(request);

            Failed replayed = assertInstanceOf(Failed.class, resumed, resumed::toString);
            assertEquals(FailureKind.TRUNCATED, replayed.kind(), replayed.message());
            assertEquals("public final class Gpt {", replayed.partialText());
            assertEquals(first.message(), replayed.message(), "replayed as it was");
            assertEquals(0, replayed.attempts());
            assertEquals(0, replayed.cost(), "a replay spends nothing");
        }
        assertEquals(1, server.requests(), "a resumed run does not buy a cut-off reply twice");
    }
}
