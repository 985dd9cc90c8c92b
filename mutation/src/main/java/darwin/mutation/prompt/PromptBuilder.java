package darwin.mutation.prompt;

import darwin.core.Budget;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds mutation prompts from a {@link MutationTask}, each part within its {@link PromptBudget}.
 * Parts that run over are cut at a line end and say so; the program's files are never cut
 * inside a file (a file that does not fit is named but left out, and may then not be edited).
 * Immutable and safe for concurrent use.
 */
public final class PromptBuilder {

    /** The bundled harness API and DJL reference. */
    public static final String REFERENCE = "darwin/mutation/harness-reference.md";

    /**
     * The manifest of the resources people approved for a variant (the trainer's
     * {@code VariantResources.MANIFEST}): its datasets and libraries.
     */
    public static final String RESOURCE_MANIFEST = "resources/manifest.json";

    private static final String CUT = "\n… (cut to fit the prompt)\n";

    /** The most files the note on files left out names, so that the note stays short. */
    private static final int LEFT_OUT_NAMES = 10;

    private final PromptBudget budget;
    private final String replyFormat;
    private final String reference;

    /**
     * @param replyFormat the instructions on the reply's format, which close the system message
     */
    public PromptBuilder(PromptBudget budget, String replyFormat) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.replyFormat = Objects.requireNonNull(replyFormat, "replyFormat");
        this.reference = readReference();
    }

    /** The budget every prompt's parts are held to, the repair rounds' included. */
    public PromptBudget budget() {
        return budget;
    }

    public Prompt build(MutationTask input) {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        String system = system(input);
        StringBuilder user = new StringBuilder();
        append(user, tokens, "task", task(input), budget.task());
        append(user, tokens, "reference", "## The harness API and DJL\n\n" + reference, budget.reference());
        user.append(files(input, tokens));
        String manifest = input.target().files().get(RESOURCE_MANIFEST);
        if (manifest != null) {
            append(user, tokens, "resources", resources(manifest), budget.task());
        }
        append(user, tokens, "results", results(input), budget.results());
        append(user, tokens, "memory", memory(input), budget.persona());
        if (!input.peers().isEmpty()) {
            append(user, tokens, "peers", section("The best variants of the run",
                    input.peers().stream().map(BriefingLines::peer).toList()), budget.peers());
        }
        if (!input.suggestions().isEmpty()) {
            append(user, tokens, "suggestions", section("Suggestions from people (take them seriously)",
                    input.suggestions().stream().map(BriefingLines::note).toList()),
                    budget.suggestions());
        }
        user.append("Propose one change now. Reply in the format described in your instructions.\n");
        tokens.put("system", Tokens.estimate(system));
        return new Prompt(system, user.toString(), tokens);
    }

    private String system(MutationTask input) {
        return "You are the " + input.persona().name() + ", one of the agents of darwin, an evolutionary optimizer of"
                + " GPT training code. " + input.persona().focus()
                + (input.persona().interests().isEmpty() ? "" : " You prefer changes of these kinds: "
                        + String.join(", ", input.persona().interests()) + ".")
                + "\n\nYou improve a training program that another agent owns. Propose one focused, well-reasoned change"
                + " at a time; say what you expect and why. Only changes that train a better model within the same"
                + " compute budget, or the same model faster, survive.\n\n" + replyFormat;
    }

    private static String task(MutationTask input) {
        Budget budget = input.budget();
        String compute = switch (budget) {
            case Budget.Seconds s -> String.format(Locale.ROOT,
                    "%.0f seconds of training on this device; faster code trains on more tokens in them", s.seconds());
            case Budget.Steps s -> s.steps() + " optimizer steps (batches)";
            case Budget.Tokens t -> String.format(Locale.ROOT,
                    "%,d training tokens, however they are batched; faster code gains nothing in perplexity, only in MFU",
                    t.tokens());
            case Budget.Flops f -> String.format(Locale.ROOT, "%s (model FLOPs: 6N + 12·L·d·T per training token), counted"
                    + " in tokens at the model's own FLOPs per token: a larger model trains on fewer tokens", f.describe());
            case Budget.EqualTime e -> String.format(Locale.ROOT, "the training tokens the program would process in %.0f"
                    + " seconds on this device, from its speed relative to the seed's measured side by side before"
                    + " training; faster code trains on more tokens, whatever else the machine is doing", e.seconds());
        };
        return "## Task\n\n"
                + "Improve the training program of variant " + input.target().id()
                + (input.owner().isEmpty() ? "" : ", owned by " + input.owner()) + ".\n"
                + "- Budget: " + compute + ". Every variant gets the same.\n"
                + "- Objectives: lower held-out perplexity (the harness scores it on text the program never sees),"
                + " and higher MFU (model FLOPs per second over the device's peak). A failed variant is never fitter"
                + " than a working one.\n"
                + "- You may change, add or rewrite files under program/ only. The files under harness/ are the"
                + " harness API: read them, never change them. The entry class is " + input.target().entry() + ".\n"
                + "- The code must compile against the harness API and DJL, train within the budget and return a"
                + " causal model. Keep changes small enough to apply with exact SEARCH/REPLACE blocks.\n"
                + occurrence(input.occurrence()) + "\n";
    }

    /**
     * The rule that keeps an agent's tasks for one target in one generation from being answered
     * alike: they are asked at the same time, so none can see another's reply, and each is asked
     * for the idea of its own rank.
     */
    private static String occurrence(MutationTask.Occurrence occurrence) {
        if (occurrence.only()) {
            return "";
        }
        return "- This generation asks you for " + occurrence.of() + " proposals for this variant, separately and at"
                + " the same time; this is your " + ordinal(occurrence.nth()) + ". Propose the idea you rank "
                + ordinal(occurrence.nth()) + ": your other proposals take the ideas of the other ranks, and two"
                + " copies of one change would waste a slot.\n";
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private String files(MutationTask input, Map<String, Integer> tokens) {
        StringBuilder text = new StringBuilder("## The program (files under program/)\n\n");
        List<String> left = new ArrayList<>();
        int used = Tokens.estimate(text);
        for (var file : input.target().files().entrySet()) {
            if (!file.getKey().startsWith("program/")) {
                continue;
            }
            String block = "### " + file.getKey() + "\n```java\n" + file.getValue()
                    + (file.getValue().endsWith("\n") ? "" : "\n") + "```\n\n";
            int cost = Tokens.estimate(block);
            if (used + cost > budget.files()) {
                left.add(file.getKey() + " (" + cost + " tokens)");
                continue;
            }
            text.append(block);
            used += cost;
        }
        if (!left.isEmpty()) {
            String names = String.join(", ", left.subList(0, Math.min(left.size(), LEFT_OUT_NAMES)))
                    + (left.size() > LEFT_OUT_NAMES ? " and " + (left.size() - LEFT_OUT_NAMES) + " more" : "");
            String note = "Left out to fit the prompt, so not to be edited this time: " + names + "\n\n";
            text.append(note);
            used += Tokens.estimate(note);
        }
        tokens.put("files", used);
        return text.toString();
    }

    private static String resources(String manifest) {
        return "## Resources people approved for this variant (" + RESOURCE_MANIFEST + ", not editable)\n\n"
                + "```json\n" + manifest + (manifest.endsWith("\n") ? "" : "\n") + "```\n\n"
                + "- Datasets: the harness adds their text to the training text, so the batches the program draws"
                + " include it; the vocabulary and the held-out text stay the same.\n"
                + "- Libraries (Maven coordinates): their jars are on the class path when the program is compiled,"
                + " trained and scored, so the program may import their classes.\n\n";
    }

    private static String results(MutationTask input) {
        StringBuilder text = new StringBuilder("## Its results\n\n");
        text.append(input.targetMetrics().map(PromptBuilder::describe)
                .orElse("Not measured yet (it may be the seed, or its evaluation is pending)."))
                .append("\n");
        if (!input.lineage().isEmpty()) {
            text.append("\nHow it came about, newest first:\n");
            BriefingLines.lineage(input.lineage()).forEach(line -> text.append("- ").append(line.strip()).append('\n'));
        }
        return text.append('\n').toString();
    }

    private static String memory(MutationTask input) {
        if (input.memory().isEmpty()) {
            return "## Your memory\n\nNothing yet: this is your first proposal.\n\n";
        }
        return section("Your memory: what you tried, what helped, what failed and why (most informative first)",
                new ArrayList<>(new LinkedHashSet<>(input.memory())));
    }

    /** One line of figures, as the prompt states a result. */
    public static String describe(Metrics m) {
        return String.format(Locale.ROOT,
                "held-out loss %.4f (perplexity %.3f), MFU %.1f%%, %,.0f tokens/s, %,d tokens in %d steps,"
                        + " %,d parameters, %.1f s of training",
                m.valLoss(), m.perplexity(), 100 * m.mfu(), m.tokensPerSecond(), m.tokensTrained(), m.steps(),
                m.parameters(), m.trainSeconds());
    }

    private static String section(String title, List<String> lines) {
        StringBuilder text = new StringBuilder("## ").append(title).append("\n\n");
        lines.forEach(line -> text.append("- ").append(line.strip()).append('\n'));
        return text.append('\n').toString();
    }

    private static void append(StringBuilder user, Map<String, Integer> tokens, String part, String text, int limit) {
        String fitted = Tokens.estimate(text) <= limit ? text : Tokens.cut(text, limit - Tokens.estimate(CUT)) + CUT;
        tokens.put(part, Tokens.estimate(fitted));
        user.append(fitted);
    }

    private static String readReference() {
        try (InputStream in = PromptBuilder.class.getClassLoader().getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled reference " + REFERENCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REFERENCE, e);
        }
    }
}
