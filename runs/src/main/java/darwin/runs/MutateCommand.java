package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Budget;
import darwin.core.Change;
import darwin.core.CompileCheck;
import darwin.core.MutationTask;
import darwin.core.Mutator;
import darwin.core.Persona;
import darwin.core.Personas;
import darwin.core.Proposal;
import darwin.core.Variant;
import darwin.core.text.TerminalText;
import darwin.mutation.LlmMutator;
import darwin.mutation.MutationSettings;
import darwin.mutation.OfflineMutator;
import darwin.mutation.catalog.Catalog;
import darwin.mutation.catalog.CatalogMutator;
import darwin.mutation.edit.EditApplier;
import darwin.mutation.edit.UnifiedDiff;
import darwin.mutation.llm.LlmClients;
import darwin.mutation.llm.PriceTable;
import darwin.mutation.llm.Provider;
import darwin.mutation.llm.ProviderSettings;
import darwin.mutation.llm.ReplyCache;
import darwin.mutation.prompt.PromptBudget;
import darwin.mutation.prompt.PromptBuilder;
import darwin.mutation.reply.ReplyFormat;
import darwin.runs.config.SettingOptions;
import darwin.runs.config.Settings;
import darwin.trainer.build.VariantCompileCheck;
import darwin.trainer.resources.ResourceException;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.resources.VariantResources;
import darwin.trainer.sandbox.ChildClasspath;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darwin mutate DIR --out CHILD}: one proposal on the variant in DIR, by the offline catalog
 * or by an LLM, written as a new variant directory. A way to try a provider's settings before an
 * overnight run, and to see what the mutation step does. What the model wrote is shown as
 * {@link TerminalText} shows it; {@code --json} keeps it exactly, with what would act on a terminal
 * as JSON escapes.
 */
@Command(
        name = "mutate",
        mixinStandardHelpOptions = true,
        modelTransformer = MutateCommand.SettingFlags.class,
        description = {"Propose one change to the variant in DIR and write the result to CHILD.",
                "Without --provider the offline catalog proposes; with one, the LLM does (keys come from the environment)."})
final class MutateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The variant to change.")
    Path dir;

    @Option(names = "--out", paramLabel = "CHILD", required = true, description = "Where the new variant is written.")
    Path out;

    /** {@code --provider} and {@code --model}, made from {@link Settings}. */
    static final SettingOptions FLAGS = SettingOptions.of(Settings.PROVIDER, Settings.MODEL);

    /** Adds {@link #FLAGS} to the command. */
    static final class SettingFlags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return FLAGS.addTo(spec);
        }
    }

    @Option(names = "--base-url", paramLabel = "URL",
            description = "An OpenAI-compatible server (vLLM, llama.cpp, Ollama's /v1, LM Studio) or another endpoint.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable that holds the key.")
    String apiKeyVariable;

    @Option(names = "--persona", paramLabel = "NAME", defaultValue = "optimisation researcher",
            description = "Whose eyes: throughput engineer, optimisation researcher, architecture explorer or"
                    + " regularisation sceptic (default: ${DEFAULT-VALUE}).")
    String persona;

    @Option(names = "--repair-rounds", paramLabel = "N", defaultValue = "2",
            description = "Rounds of feedback for a reply that cannot be read, applied or compiled (default: ${DEFAULT-VALUE}).")
    int repairRounds;

    @Option(names = "--budget-seconds", paramLabel = "S", defaultValue = "30",
            description = "The budget the prompt states (default: ${DEFAULT-VALUE}).")
    double budgetSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the offline choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the proposal as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Variant target = VariantDirectory.read(dir);
        Persona chosen = Personas.named(persona);
        CompileCheck compiler = new VariantCompileCheck(ChildClasspath.compiler(),
                Optional.of(ResourceStore.at(dir.resolve(VariantDirectory.RESOURCES))));
        Optional<Provider> provider = FLAGS.value(spec, Settings.PROVIDER).flatMap(chosenProvider -> chosenProvider);
        Optional<String> model = FLAGS.value(spec, Settings.MODEL);
        Mutator mutator = provider.isEmpty() ? offline(compiler) : llm(compiler, provider.get(), model);
        MutationTask task = new MutationTask("cli", chosen, List.of(), target, "", Optional.empty(), List.of(), List.of(),
                List.of(), Budget.seconds(budgetSeconds), seed);
        spec.commandLine().getErr().println("darwin: asking "
                + provider.map(p -> p.id() + " " + model.orElseThrow()).orElse("the offline catalog")
                + " for a change to " + target.id());
        Proposal proposal = mutator.propose(task);
        Optional<Variant> child = proposal.child();
        if (child.isPresent()) {
            try {
                VariantDirectory.write(child.get(), out);
                // the child lists the same datasets and libraries: it needs their files beside it too
                ResourceStore.at(dir.resolve(VariantDirectory.RESOURCES)).copyTo(
                        ResourceStore.at(out.resolve(VariantDirectory.RESOURCES)),
                        VariantResources.of(child.get()));
            } catch (ResourceException e) {
                throw new IllegalArgumentException("cannot copy the resources of " + dir + " to " + out + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the new variant to " + out + ": " + e.getMessage(), e);
            }
        }
        String diff = child.map(c -> UnifiedDiff.of(target, c).text()).orElse("");
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? TerminalText.json(json(proposal, diff)) + "\n" : TerminalText.lines(text(proposal, diff)));
        stdout.flush();
        return proposal.status().yieldsVariant() ? 0 : 1;
    }

    private Mutator offline(CompileCheck compiler) {
        return new OfflineMutator(new CatalogMutator(Catalog.standard()), new EditApplier(), compiler);
    }

    private Mutator llm(CompileCheck compiler, Provider provider, Optional<String> given) throws IOException {
        String model = given.orElseThrow(() -> new IllegalArgumentException("--provider needs --model"));
        ProviderSettings settings = ProviderSettings.of(provider, model);
        if (baseUrl != null) {
            settings = settings.withBaseUrl(baseUrl);
        }
        if (apiKeyVariable != null) {
            settings = settings.withApiKeyVariable(apiKeyVariable);
        }
        var client = LlmClients.builder(settings)
                .environment(System::getenv)
                .prices(PriceTable.examples())
                .cache(ReplyCache.open(dir.resolve("results").resolve("llm-replies.jsonl")))
                .build();
        return new LlmMutator(client, new PromptBuilder(PromptBudget.DEFAULT, ReplyFormat.instructions()), new EditApplier(),
                compiler, new MutationSettings(model, 0.2, 4096, Duration.ofMinutes(5), repairRounds, true));
    }

    private String text(Proposal proposal, String diff) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "status          %s (%s)%n", proposal.status(), proposal.reason()));
        proposal.change().ifPresent(change -> describe(text, change));
        text.append(String.format(Locale.ROOT, "rounds          %d, %,d tokens in, %,d out, $%.4f%n", proposal.rounds().size(),
                proposal.inputTokens(), proposal.outputTokens(), proposal.cost()));
        proposal.child().ifPresent(c -> text.append(String.format(Locale.ROOT, "new variant     %s in %s%n", c.id(), out)));
        if (!proposal.status().yieldsVariant() && !proposal.rounds().isEmpty()) {
            text.append("last problem:\n").append(proposal.rounds().getLast().problem()).append('\n');
        }
        return text.append(diff.isEmpty() ? "" : "\n" + diff).toString();
    }

    private static void describe(StringBuilder text, Change change) {
        text.append(String.format(Locale.ROOT, "summary         %s%n", change.summary()));
        text.append(String.format(Locale.ROOT, "tags            %s%n", String.join(", ", change.tags())));
        change.request().ifPresent(r -> text.append(String.format(Locale.ROOT, "request         %s: %s%n", r.kind(), r.title())));
        text.append("reasoning\n").append(change.reasoning().indent(2));
    }

    private String json(Proposal proposal, String diff) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("status", proposal.status().name());
        node.put("reason", proposal.reason());
        node.put("target", proposal.target());
        proposal.child().ifPresent(c -> node.put("child", c.id()).put("out", out.toString()));
        proposal.change().ifPresent(change -> {
            node.put("summary", change.summary());
            node.put("reasoning", change.reasoning());
            change.tags().forEach(node.putArray("tags")::add);
            change.request().ifPresent(r -> node.putObject("request").put("kind", r.kind().name()).put("title", r.title())
                    .put("rationale", r.rationale()).put("payload", r.payload()));
        });
        node.put("rounds", proposal.rounds().size());
        node.put("inputTokens", proposal.inputTokens());
        node.put("outputTokens", proposal.outputTokens());
        node.put("cost", proposal.cost());
        node.put("diff", diff);
        return node.toString();
    }
}
