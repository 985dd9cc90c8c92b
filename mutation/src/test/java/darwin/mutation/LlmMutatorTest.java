package darwin.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Budget;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Persona;
import darwin.core.Proposal;
import darwin.core.ProposalStatus;
import darwin.core.Variant;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.llm.Backoff;
import darwin.mutation.llm.CachedClient;
import darwin.mutation.llm.Completion;
import darwin.mutation.llm.CompletionRequest;
import darwin.mutation.llm.FailureKind;
import darwin.mutation.llm.FinishReason;
import darwin.mutation.llm.LlmClient;
import darwin.mutation.llm.LlmClients;
import darwin.mutation.llm.LoopbackServer;
import darwin.mutation.llm.LoopbackServer.Scripted;
import darwin.mutation.llm.PriceTable;
import darwin.mutation.llm.Provider;
import darwin.mutation.llm.ProviderSettings;
import darwin.mutation.llm.ReplyCache;
import darwin.mutation.llm.Usage;
import darwin.mutation.prompt.PromptBudget;
import darwin.mutation.prompt.PromptBuilder;
import darwin.mutation.prompt.Tokens;
import darwin.mutation.reply.ReplyFormat;
import darwin.trainer.build.SourceCompiler;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.variant.SeedVariant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole mutation step against a real HTTP server on loopback that speaks the OpenAI
 * chat-completions format (and, once, the Anthropic messages format): every case ends in a
 * recorded proposal, and no exception reaches the caller. The {@link MutatorContract} runs against
 * a scripted client, one ending per way an exchange can go.
 */
@Timeout(60)
class LlmMutatorTest extends MutatorContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Variant SEED = SeedVariant.variant();
    private static final String CONFIG = "program/darwin/program/GptConfig.java";
    private static final VariantCompileCheck COMPILER = new VariantCompileCheck(SourceCompiler.forRunningJvm());
    private static final MutationTask TASK = new MutationTask("agent-2",
            new Persona("optimisation researcher", "You tune optimizers.", List.of("optimizer")), List.of(), SEED,
            "agent-1", Optional.empty(), List.of(), List.of(), List.of(), Budget.seconds(30), 1);

    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmMutator mutator(String provider, Duration deadline) {
        ProviderSettings settings = ProviderSettings.of(provider, "test-model")
                .withBaseUrl(server.baseUrl())
                .withApiKeyVariable("DARWIN_TEST_KEY")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20))
                .withMaxRetries(2);
        LlmClient client = LlmClients.builder(settings)
                .environment(Map.of("DARWIN_TEST_KEY", "sk-test")::get)
                .prices(PriceTable.flat(PriceTable.Price.FREE).with("test-model", new PriceTable.Price(1.0, 2.0)))
                .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2, 0.5))
                .random(new SplittableRandom(7))
                .build();
        return new LlmMutator(client, new PromptBuilder(PromptBudget.DEFAULT, ReplyFormat.instructions()), new EditApplier(),
                COMPILER, new MutationSettings("test-model", 0.2, 4096, deadline, 2, true));
    }

    private LlmMutator mutator() {
        return mutator("openai", Duration.ofSeconds(30));
    }

    /** A reply whose one edit replaces {@code search} with {@code replace} in GptConfig. */
    private static String change(String search, String replace) {
        ObjectNode reply = JSON.createObjectNode()
                .put("reasoning", "A higher peak rate suits a model this small.")
                .put("summary", "raise the learning rate to 2e-3");
        reply.putArray("tags").add("optimizer");
        reply.putArray("edits").addObject().put("path", CONFIG).put("search", search).put("replace", replace);
        reply.putNull("request");
        return reply.toString();
    }

    private static final String GOOD = change("4, 4, 128, 64, 12, 1e-3, 1e-4", "4, 4, 128, 64, 12, 2e-3, 1e-4");

    private static Scripted openAi(String text, String finish) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        choice.putObject("message").put("role", "assistant").put("content", text);
        root.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 100).put("total_tokens", 1100);
        return Scripted.json(200, root.toString());
    }

    private static Scripted anthropic(String text) {
        ObjectNode root = JSON.createObjectNode().put("id", "msg_1").put("type", "message").put("role", "assistant")
                .put("model", "test-model").put("stop_reason", "end_turn").putNull("stop_sequence");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", 1000).put("output_tokens", 100);
        return Scripted.json(200, root.toString());
    }

    private static void assertChildOfSeed(Proposal proposal) {
        assertEquals(ProposalStatus.PROPOSED, proposal.status(), proposal.reason() + "\n" + proposal.rounds());
        Variant child = proposal.child().orElseThrow();
        assertEquals(List.of(SEED.id()), child.parents());
        assertTrue(child.files().get(CONFIG).contains("2e-3"), "the edit is in the child");
        assertTrue(COMPILER.check(child).ok());
    }

    @Test
    void aGoodReplyBecomesACompiledChild() throws Exception {
        server.then(openAi(GOOD, "stop"));
        Proposal proposal = mutator().propose(TASK);
        assertChildOfSeed(proposal);
        assertEquals(1, proposal.rounds().size());
        assertEquals("raise the learning rate to 2e-3", proposal.change().orElseThrow().summary());
        assertEquals(1000, proposal.inputTokens());
        assertEquals(100, proposal.outputTokens());
        assertEquals(1000 * 1e-6 + 100 * 2e-6, proposal.cost(), 1e-12);
        String sent = server.last().body();
        assertTrue(sent.contains("GptModel.java") && sent.contains("response_format"), "the prompt and the schema were sent");
    }

    @Test
    void theAnthropicFormatWorksTheSame() throws Exception {
        server.then(anthropic("```json\n" + GOOD + "\n```"));
        assertChildOfSeed(mutator("anthropic", Duration.ofSeconds(30)).propose(TASK));
    }

    @Test
    void aMalformedResponseBodyIsAnLlmFailure() throws Exception {
        server.always(Scripted.json(200, "{\"choices\": [ {\"message\": "));
        Proposal proposal = mutator().propose(TASK);
        assertEquals(ProposalStatus.LLM_FAILED, proposal.status());
        assertTrue(proposal.reason().contains("MALFORMED_RESPONSE"), proposal.reason());
    }

    @Test
    void aPlainTextRefusalIsAnLlmFailureWithoutRepairRounds() throws Exception {
        server.always(openAi("I'm sorry, but I can't help with that.", "stop"));
        Proposal proposal = mutator().propose(TASK);
        assertEquals(ProposalStatus.LLM_FAILED, proposal.status(), proposal.reason());
        assertEquals("the model refused: I'm sorry, but I can't help with that.", proposal.reason());
        assertEquals(1, proposal.rounds().size(), "a refusal is not sent back");
        assertEquals(1, server.requests());
    }

    @Test
    void aRefusalInTheRefusalFieldIsAContentFilteredLlmFailure() throws Exception {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").putNull("content").put("refusal", "I can't assist with that.");
        server.always(Scripted.json(200, root.toString()));
        Proposal proposal = mutator().propose(TASK);
        assertEquals(ProposalStatus.LLM_FAILED, proposal.status(), proposal.reason());
        assertEquals("CONTENT_FILTERED: the model refused: I can't assist with that.", proposal.reason());
        assertEquals(1, server.requests());
    }

    @Test
    void anUnreadableReplyIsSentBackAndRepaired() throws Exception {
        server.then(openAi("I would raise the learning rate.", "stop"), openAi(GOOD, "stop"));
        Proposal proposal = mutator().propose(TASK);
        assertChildOfSeed(proposal);
        assertEquals(2, proposal.rounds().size());
        assertTrue(proposal.rounds().get(1).sent().contains("Your reply could not be read"));
    }

    @Test
    void editsThatDoNotApplyAreReportedPreciselyAndEndTheProposalAfterTheRepairs() throws Exception {
        server.always(openAi(change("int layers = 99;", "int layers = 3;"), "stop"));
        Proposal proposal = mutator().propose(TASK);
        assertEquals(ProposalStatus.EDITS_DID_NOT_APPLY, proposal.status());
        assertEquals(3, proposal.rounds().size(), "the first round and two repairs");
        assertTrue(proposal.rounds().get(0).problem().contains(CONFIG), proposal.rounds().get(0).problem());
        assertTrue(proposal.rounds().get(1).sent().contains("Nothing of that reply was applied"));
        assertTrue(proposal.child().isEmpty());
    }

    @Test
    void anEditThatBreaksCompilationIsRepairedInTheSecondRound() throws Exception {
        String broken = change("4, 4, 128, 64, 12, 1e-3, 1e-4", "4, 4, 128, 64, 12, 2e-3 1e-4");
        String fix = change("12, 2e-3 1e-4", "12, 2e-3, 1e-4");
        server.then(openAi(broken, "stop"), openAi(fix, "stop"));
        Proposal proposal = mutator().propose(TASK);
        assertChildOfSeed(proposal);
        assertEquals(2, proposal.rounds().size());
        assertTrue(proposal.rounds().get(0).problem().contains("does not compile"));
        String repair = proposal.rounds().get(1).sent();
        assertTrue(repair.contains("GptConfig.java:") && repair.contains("^"), "the diagnostics with their place");
        assertTrue(repair.contains("12, 2e-3 1e-4"), "the edited file as it is now");
        assertTrue(proposal.reason().contains("after 1 repair round"), proposal.reason());
        assertEquals(2, proposal.change().orElseThrow().edits().size(), "the change records every edit applied");
    }

    @Test
    void rateLimitingIsWaitedOutAsTheServerAsks() throws Exception {
        server.then(Scripted.json(429, "{\"error\":{\"message\":\"slow down\"}}").withHeader("Retry-After", "1"),
                openAi(GOOD, "stop"));
        long start = System.nanoTime();
        assertChildOfSeed(mutator().propose(TASK));
        assertTrue(System.nanoTime() - start >= 900_000_000L, "Retry-After was honoured");
        assertEquals(2, server.requests());
    }

    @Test
    void aServerThatKeepsFailingIsAnLlmFailure() throws Exception {
        server.always(Scripted.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        Proposal proposal = mutator().propose(TASK);
        assertEquals(ProposalStatus.LLM_FAILED, proposal.status());
        assertTrue(proposal.reason().contains("SERVER_ERROR"), proposal.reason());
        assertEquals(3, server.requests(), "one try and two retries");
    }

    @Test
    void aReplySlowerThanTheDeadlineEndsTheProposalPromptly() throws Exception {
        server.always(openAi(GOOD, "stop").after(Duration.ofSeconds(20)));
        long start = System.nanoTime();
        Proposal proposal = mutator("openai", Duration.ofSeconds(2)).propose(TASK);
        assertEquals(ProposalStatus.LLM_FAILED, proposal.status());
        assertTrue(proposal.reason().contains("TIMEOUT"), proposal.reason());
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "ended near the deadline, not after the reply");
    }

    @Test
    void aReplyCutOffByTheTokenLimitIsAskedForAgainSmaller() throws Exception {
        server.then(openAi(GOOD.substring(0, 80), "length"), openAi(GOOD, "stop"));
        Proposal proposal = mutator().propose(TASK);
        assertChildOfSeed(proposal);
        assertTrue(proposal.rounds().get(0).problem().contains("TRUNCATED"), proposal.rounds().get(0).problem());
        assertTrue(proposal.rounds().get(1).sent().contains("cut off at the output limit"));
    }

    /**
     * A model behind a counting client: answers each request with the next completion of its
     * script (the last one again once the script runs out) and keeps every request that reached it.
     */
    private static final class ScriptedModel implements LlmClient {
        final List<CompletionRequest> requests = Collections.synchronizedList(new ArrayList<>());
        private final List<Completion> script;

        ScriptedModel(Completion... script) {
            this.script = List.of(script);
        }

        @Override
        public Completion complete(CompletionRequest request) {
            requests.add(request);
            return script.get(Math.min(requests.size(), script.size()) - 1);
        }

        List<String> sent() {
            return requests.stream().map(CompletionRequest::userMessage).toList();
        }
    }

    private static Completion replied(String text) {
        return new Completion.Replied(text, new Usage(1000, 100), 0.001, FinishReason.STOP, 1);
    }

    /** A mutator, without a cache, over a fresh model that plays {@code script}. */
    private static Supplier<Mutator> scripted(Completion... script) {
        return () -> new LlmMutator(new ScriptedModel(script), new PromptBuilder(PromptBudget.DEFAULT,
                ReplyFormat.instructions()), new EditApplier(), COMPILER,
                new MutationSettings("test-model", 0.2, 4096, Duration.ofSeconds(30), 2, true));
    }

    /** A reply that asks people for twice the budget and proposes no edit. */
    private static final String ASKS_ONLY = """
            {"reasoning": "The loss still falls steeply.", "summary": "more time", "tags": [], "edits": [],
             "request": {"kind": "budget", "title": "Double the budget", "rationale": "the loss still falls",
                         "payload": "60"}}
            """;

    @Override
    protected List<Ending> endings() {
        String broken = "4, 4, 128, 64, 12, 2e-3 1e-4";
        return List.of(
                new Ending("a good reply", scripted(replied(GOOD)), TASK, ProposalStatus.PROPOSED),
                new Ending("a repaired reply", scripted(replied("I would raise the learning rate."), replied(GOOD)), TASK,
                        ProposalStatus.PROPOSED),
                new Ending("a reply that only asks people", scripted(replied(ASKS_ONLY)), TASK, ProposalStatus.REQUEST_ONLY),
                new Ending("prose in every round", scripted(replied("I would raise the learning rate.")), TASK,
                        ProposalStatus.UNPARSABLE),
                new Ending("edits that never apply", scripted(replied(change("int layers = 99;", "int layers = 3;"))), TASK,
                        ProposalStatus.EDITS_DID_NOT_APPLY),
                new Ending("edits that never compile", scripted(replied(change("4, 4, 128, 64, 12, 1e-3, 1e-4", broken)),
                        replied(change(broken, broken.replace("2e-3", "3e-3"))),
                        replied(change(broken.replace("2e-3", "3e-3"), broken.replace("2e-3", "4e-3")))), TASK,
                        ProposalStatus.DOES_NOT_COMPILE),
                new Ending("a refusal", scripted(replied("I'm sorry, but I can't help with that.")), TASK,
                        ProposalStatus.LLM_FAILED),
                new Ending("an endpoint that fails", scripted(Completion.Failed.before(FailureKind.SERVER_ERROR, "boom")), TASK,
                        ProposalStatus.LLM_FAILED),
                new Ending("the cost cap", scripted(Completion.Failed.before(FailureKind.COST_CAP, "the cap is reached")), TASK,
                        ProposalStatus.COST_CAP));
    }

    @Test
    void anInterruptedMutatorAsksTheModelNothingAndRecordsNothing() throws Exception {
        ScriptedModel model = new ScriptedModel(replied(GOOD));
        Thread.currentThread().interrupt();
        try {
            // a proposal would go into the ledger as the agent's failure, and a resume would never ask again
            assertThrows(InterruptedException.class, () -> cached(model, ReplyCache.inMemory()).propose(TASK));
            assertEquals(List.of(), model.requests);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aCallInterruptedWhileTheModelWritesEndsInAnInterruptNotAProposal() throws Exception {
        LlmMutator mutator = new LlmMutator(request -> Completion.Failed.ofAttempt(FailureKind.INTERRUPTED,
                "interrupted while waiting for the server", Optional.empty()),
                new PromptBuilder(PromptBudget.DEFAULT, ReplyFormat.instructions()), new EditApplier(), COMPILER,
                new MutationSettings("test-model", 0.2, 4096, Duration.ofSeconds(30), 2, true));
        assertThrows(InterruptedException.class, () -> mutator.propose(TASK));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    /** The mutator over {@code model} behind a reply cache, as a run assembles it. */
    private static LlmMutator cached(LlmClient model, ReplyCache cache) {
        return new LlmMutator(new CachedClient(model, cache, Provider.OPENAI),
                new PromptBuilder(PromptBudget.DEFAULT, ReplyFormat.instructions()), new EditApplier(), COMPILER,
                new MutationSettings("test-model", 0.2, 4096, Duration.ofSeconds(30), 2, true));
    }

    private static MutationTask occurrence(int nth, int of) {
        MutationTask t = TASK;
        return new MutationTask(t.agent(), t.persona(), t.memory(), t.target(), t.owner(), t.targetMetrics(), t.lineage(),
                t.peers(), t.suggestions(), t.budget(), t.seed(), new MutationTask.Occurrence(nth, of));
    }

    @Test
    void aModelThatRepeatsAnUnusableReplyIsAskedInEveryRepairRound() throws Exception {
        ScriptedModel model = new ScriptedModel(replied("I would raise the learning rate."));

        Proposal proposal = cached(model, ReplyCache.inMemory()).propose(TASK);

        assertEquals(ProposalStatus.UNPARSABLE, proposal.status(), proposal.reason());
        assertEquals(3, model.requests.size(), "the first request and two repair rounds reached the model");
        assertEquals(3, new HashSet<>(model.sent()).size(), "every round sent a message of its own");
        assertEquals(List.of(0, 1, 2), model.requests.stream().map(CompletionRequest::repairRound).toList());
        assertTrue(model.sent().get(2).contains("## Repair round 2 of 2"), model.sent().get(2));
        assertTrue(model.sent().get(2).contains("- repair round 1: "), "the last round lists what failed before");
    }

    @Test
    void editsThatRepeatedlyFailToApplyAreAskedForInEveryRepairRound() throws Exception {
        ScriptedModel model = new ScriptedModel(replied(change("int layers = 99;", "int layers = 3;")));

        Proposal proposal = cached(model, ReplyCache.inMemory()).propose(TASK);

        assertEquals(ProposalStatus.EDITS_DID_NOT_APPLY, proposal.status(), proposal.reason());
        assertEquals(3, model.requests.size());
    }

    @Test
    void twoTasksForOnePairingInOneGenerationSendDifferentPrompts() throws Exception {
        ScriptedModel model = new ScriptedModel(replied(GOOD));
        LlmMutator mutator = cached(model, ReplyCache.inMemory());

        Proposal first = mutator.propose(occurrence(1, 2));
        Proposal second = mutator.propose(occurrence(2, 2));

        assertChildOfSeed(first);
        assertChildOfSeed(second);
        assertEquals(2, model.requests.size(), "the second task was asked, not answered from the cache");
        assertNotEquals(model.sent().get(0), model.sent().get(1));
        assertTrue(model.sent().get(1).contains("this is your 2nd"), model.sent().get(1));
    }

    @Test
    void aMegabyteReplyGivesARepairPromptWithinTheBudget() throws Exception {
        String huge = "HEAD of a runaway reply " + "blah ".repeat(200_000) + " TAIL of a runaway reply";
        ScriptedModel model = new ScriptedModel(replied(huge), replied(GOOD));

        Proposal proposal = cached(model, ReplyCache.inMemory()).propose(TASK);

        assertChildOfSeed(proposal);
        String first = model.sent().get(0);
        String repair = model.sent().get(1);
        assertTrue(repair.startsWith(first), "the repair repeats the first prompt");
        int section = Tokens.estimate(repair.substring(first.length()));
        assertTrue(section <= PromptBudget.DEFAULT.repair(), "the repair section has " + section + " tokens");
        assertTrue(repair.contains("HEAD of a runaway reply") && repair.contains("TAIL of a runaway reply"), "head and tail");
        assertTrue(repair.matches("(?s).*\\[… [\\d,]+ characters cut …].*"), "the cut is marked");
    }

    @Test
    void aTruncatedReplyIsNotBoughtAgainOnResume(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("llm-replies.jsonl");
        Completion cut = new Completion.Failed(FailureKind.TRUNCATED, "the reply reached the limit of 4096 output tokens"
                + " and was cut off", GOOD.substring(0, 80), Optional.empty(), new Usage(1000, 4096), 0.009, 1);
        ScriptedModel model = new ScriptedModel(cut, replied(GOOD));
        Proposal before;
        try (ReplyCache cache = ReplyCache.open(file)) {
            before = cached(model, cache).propose(TASK);
        }
        assertChildOfSeed(before);
        assertEquals(2, model.requests.size());

        ScriptedModel resumed = new ScriptedModel(replied("the model must not be asked again"));
        Proposal after;
        try (ReplyCache cache = ReplyCache.open(file)) {
            after = cached(resumed, cache).propose(TASK);
        }
        assertEquals(0, resumed.requests.size(), "the cut-off reply and the repair were both answered from the file");
        assertChildOfSeed(after);
        assertEquals(before.rounds(), after.rounds(), "the resumed proposal went as the first did");
        assertEquals(0, after.cost());
    }
}
