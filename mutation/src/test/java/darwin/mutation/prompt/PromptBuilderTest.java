package darwin.mutation.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.core.Budget;
import darwin.core.LineageStep;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.Persona;
import darwin.core.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private static final Persona THROUGHPUT = new Persona("throughput engineer",
            "You make every second of the budget count.", List.of("throughput"));
    private static final Variant TARGET = Variant.seed("p.Main", Map.of(
            "program/p/Main.java", "package p;\npublic class Main {}\n",
            "program/p/Model.java", "package p;\nclass Model { int width = 128; }\n",
            "harness/darwin/trainer/api/TrainingProgram.java", "interface TrainingProgram {}\n"));
    private static final String PEER = "0123456789abcdef";
    private static final Metrics METRICS =
            new Metrics(1.91, Math.exp(1.91), 0.37, 22836, 1536000, 2000, 804096, 5.17e6, 3.2e11, 70, 67, "cpu()");

    private static MutationTask input(List<String> memory, Variant target) {
        return input(memory, target, Budget.seconds(30));
    }

    private static MutationTask input(List<String> memory, Variant target, Budget budget) {
        return new MutationTask("agent-5", THROUGHPUT, memory, target, "agent-3", Optional.of(METRICS),
                List.of(new LineageStep(2, "agent-1", "raised the learning rate to 2e-3", List.of("optimizer"),
                        new LineageStep.Outcome.Measured(-0.021))),
                List.of(new MutationTask.Peer(PEER, List.of("agent-1", "agent-4"), Optional.of(METRICS))),
                List.of(new MutationTask.Note(3, "try rotary embeddings")), budget, 1);
    }

    @Test
    void saysWhatEachKindOfBudgetRewards() {
        PromptBuilder builder = new PromptBuilder(PromptBudget.DEFAULT, "REPLY FORMAT");
        assertTrue(builder.build(input(List.of(), TARGET, Budget.tokens(1_536_000))).user()
                .contains("- Budget: 1,536,000 training tokens, however they are batched; faster code gains nothing in"));
        assertTrue(builder.build(input(List.of(), TARGET, Budget.flops(1e15))).user()
                .contains("- Budget: 1e+15 FLOPs (model FLOPs: 6N + 12·L·d·T per training token), counted in tokens"));
        assertTrue(builder.build(input(List.of(), TARGET, Budget.equalTime(20))).user()
                .contains("- Budget: the training tokens the program would process in 20 seconds on this device"));
    }

    @Test
    void holdsEveryPartAndTheRules() {
        Prompt prompt = new PromptBuilder(PromptBudget.DEFAULT, "REPLY FORMAT").build(input(List.of("tried dropout: worse"), TARGET));
        assertTrue(prompt.system().contains("throughput engineer"));
        assertTrue(prompt.system().endsWith("REPLY FORMAT"));
        String user = prompt.user();
        assertTrue(user.contains("variant " + TARGET.id() + ", owned by agent-3"));
        assertTrue(user.contains("30 seconds of training"));
        assertTrue(user.contains("under program/ only"));
        assertTrue(user.contains("### program/p/Main.java"));
        assertTrue(user.contains("### program/p/Model.java"));
        assertFalse(user.contains("### harness/"), "harness files are described, not listed as editable");
        assertTrue(user.contains("held-out loss 1.9100"));
        assertTrue(user.contains("- gen 2, agent-1: raised the learning rate to 2e-3 → perplexity -2.1%\n"), user);
        assertTrue(user.contains("tried dropout: worse"));
        assertTrue(user.contains("- " + PEER + "[agent-1, agent-4]: held-out loss 1.9100 (perplexity 6.753)"), user);
        assertTrue(user.contains("- gen 3: try rotary embeddings\n"));
        assertTrue(user.contains("GradientCollector"), "the DJL reference is included");
        for (String part : List.of("task", "reference", "files", "results", "memory", "peers", "suggestions", "system")) {
            assertTrue(prompt.partTokens().containsKey(part), part);
        }
    }

    @Test
    void showsTheResourcesPeopleApproved() {
        String manifest = """
                {
                  "schema" : 1,
                  "datasets" : [ { "name" : "sonnets.txt", "sha256" : "%s", "characters" : 94000 } ],
                  "libraries" : [ { "coordinates" : "org.example:fastmath:1.2", "sha256" : "%s" } ]
                }
                """.formatted("a".repeat(64), "b".repeat(64));
        Variant withResources = TARGET.derive(Map.of(PromptBuilder.RESOURCE_MANIFEST, manifest));
        Prompt prompt = new PromptBuilder(PromptBudget.DEFAULT, "REPLY FORMAT").build(input(List.of(), withResources));
        assertTrue(prompt.user().contains("sonnets.txt"), prompt.user());
        assertTrue(prompt.user().contains("org.example:fastmath:1.2"), prompt.user());
        assertTrue(prompt.user().contains("may import their classes"), prompt.user());
        assertTrue(prompt.partTokens().containsKey("resources"));

        Prompt without = new PromptBuilder(PromptBudget.DEFAULT, "REPLY FORMAT").build(input(List.of(), TARGET));
        assertFalse(without.user().contains("Resources people approved"), "no section without a manifest");
    }

    @Test
    void memoryIsDeduplicatedAndCutToItsBudget() {
        List<String> memory = new ArrayList<>();
        memory.add("most informative line");
        memory.add("most informative line");
        for (int i = 0; i < 2000; i++) {
            memory.add("attempt " + i + ": a long line about what was tried and what came of it, with numbers " + i);
        }
        PromptBudget small = new PromptBudget(1_000, 12_000, 1_200, 300, 600, 600, 1_800, 6_000);
        Prompt prompt = new PromptBuilder(small, "F").build(input(memory, TARGET));
        assertEquals(1, prompt.user().split("most informative line", -1).length - 1);
        assertTrue(prompt.user().contains("cut to fit the prompt"));
        assertTrue(prompt.partTokens().get("memory") <= 300, "memory tokens " + prompt.partTokens().get("memory"));
        assertFalse(prompt.user().contains("attempt 1999"));
    }

    @Test
    void aFileThatDoesNotFitIsNamedAndLeftOut() {
        Variant big = TARGET.derive(Map.of("program/p/Huge.java", "// " + "x".repeat(20_000) + "\n"));
        PromptBudget small = new PromptBudget(1_000, 1_000, 1_200, 300, 600, 600, 1_800, 6_000);
        Prompt prompt = new PromptBuilder(small, "F").build(input(List.of(), big));
        assertTrue(prompt.user().contains("Left out to fit the prompt, so not to be edited this time: program/p/Huge.java"));
        assertTrue(prompt.user().contains("### program/p/Main.java"));
        assertTrue(prompt.partTokens().get("files") <= 1_000 + 50);
    }

    @Test
    void tokensAreEstimatedAtFourCharactersEach() {
        assertEquals(0, Tokens.estimate(""));
        assertEquals(1, Tokens.estimate("abcd"));
        assertEquals(2, Tokens.estimate("abcde"));
        assertThrows(IllegalArgumentException.class, () -> new PromptBudget(10, 10, 10, 10, 10, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new PromptBudget(1_000, 12_000, 1_200, 300, 600, 600, 1_800,
                PromptBudget.MIN_REPAIR - 1));
    }

    @Test
    void twoTasksOfOneAgentForOneTargetInOneGenerationGetDifferentPrompts() {
        PromptBuilder builder = new PromptBuilder(PromptBudget.DEFAULT, "REPLY FORMAT");
        MutationTask task = input(List.of(), TARGET);
        String only = builder.build(task).user();
        String first = builder.build(occurrence(task, new MutationTask.Occurrence(1, 2))).user();
        String second = builder.build(occurrence(task, new MutationTask.Occurrence(2, 2))).user();

        assertFalse(only.contains("proposals for this variant"), "a lone task says nothing of others");
        assertTrue(first.contains("asks you for 2 proposals for this variant") && first.contains("your 1st"), first);
        assertTrue(second.contains("this is your 2nd. Propose the idea you rank 2nd"), second);
        assertFalse(first.equals(second), "the two prompts differ, so the reply cache cannot answer one with the other");
    }

    @Test
    void aNoteOnFilesLeftOutNamesTenAtMost() {
        Map<String, String> many = new java.util.TreeMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("program/p/Big" + i + ".java", "// " + "x".repeat(5_000) + "\n");
        }
        PromptBudget small = new PromptBudget(1_000, 1_000, 1_200, 300, 600, 600, 1_800, 6_000);
        Prompt prompt = new PromptBuilder(small, "F").build(input(List.of(), TARGET.derive(many)));
        assertTrue(prompt.user().contains("and 30 more"), prompt.user());
        assertFalse(prompt.user().contains("Big39.java"));
    }

    private static MutationTask occurrence(MutationTask t, MutationTask.Occurrence occurrence) {
        return new MutationTask(t.agent(), t.persona(), t.memory(), t.target(), t.owner(), t.targetMetrics(), t.lineage(),
                t.peers(), t.suggestions(), t.budget(), t.seed(), occurrence);
    }
}
