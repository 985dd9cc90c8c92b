package darwin.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Budget;
import darwin.core.Evaluator;
import darwin.core.Variant;
import darwin.core.stats.Sample;
import darwin.core.text.TerminalText;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.ledger.Ledger;
import darwin.population.confirm.ConfirmationResult;
import darwin.population.confirm.Standings;
import darwin.runs.config.RunSettings;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darwin confirm DIR}: a run's best variant and its seed measured again, in turn, for a gain with its interval. */
@Command(
        name = "confirm",
        mixinStandardHelpOptions = true,
        description = {"Confirm a run's gain: its best variant (lowest mean perplexity at the budget in force) and the seed",
                "are evaluated N times each, in turn on one slot, with fresh seeds; the change of perplexity and MFU is given",
                "with its 95%% interval and written into run.json. Evaluations done before come from the result cache.",
                "Exit status: 0 confirmed (significant or not), 1 when too few evaluations worked, 2 for a usage error."})
final class ConfirmCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Option(names = "--variant", paramLabel = "ID", description = "The variant to confirm, or a unique start of its id"
            + " (default: the run's best).")
    String variant;

    @Option(names = "--repeat", paramLabel = "N", description = "Evaluations of each, at least 2 (default: confirm.repeat, 3).")
    Integer repeat;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final RunEvaluators evaluators;

    ConfirmCommand() {
        this(RunEvaluators.SANDBOX);
    }

    ConfirmCommand(RunEvaluators evaluators) {
        this.evaluators = evaluators;
    }

    @Override
    public Integer call() throws Exception {
        RunFiles files = RunFiles.open(dir);
        RunDirectory run = files.run();
        ObjectMapper mapper = files.json();
        RunState state = files.state();
        RunSettings settings = files.settings();
        int n = repeat != null ? repeat : settings.confirm().repeat();
        if (n < 2) {
            throw new IllegalArgumentException("--repeat " + n + ": an interval needs at least 2 evaluations of each");
        }
        Budget budget = RunConfirmation.budget(settings, run, mapper);
        Ledger ledger = new Ledger(run.ledger(), Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        String id;
        if (variant != null) {
            id = resolve(run, variant);
            if (id.equals(state.seedVariant())) {
                throw new IllegalArgumentException(id + " is the run's seed: give another variant to confirm against it");
            }
        } else {
            Standings standings = Standings.at(ledger.entries(), budget);
            id = standings.best().map(Standings.Measured::variant).orElseThrow(() -> new IllegalArgumentException(
                    "no variant of " + dir + " was measured at " + budget.describe() + ": there is nothing to confirm"));
            if (id.equals(state.seedVariant())) {
                out.printf("the best variant of %s is the seed itself (%s): there is no gain to confirm%n", dir, id);
                return 0;
            }
        }
        Variant chosen = VariantDirectory.read(run.variant(id));
        Variant seed = VariantDirectory.read(run.variant(state.seedVariant()));
        ConfirmationResult result;
        try (RunProgress progress = new RunProgress(spec.commandLine().getErr(), run.log(), () -> 0, () -> 0, 0, false)) {
            progress.say("confirming %s against the seed %s at %s: %d evaluations of each, in turn, with fresh seeds", id,
                    seed.id(), budget.describe(), n);
            Evaluator evaluator = evaluators.open(settings, run, progress, () -> ledger);
            result = RunConfirmation.confirm(run, evaluator, ledger, chosen, seed, budget, n, settings.seed(),
                    RunConfirmation.saying(line -> progress.say("%s", line)), mapper);
        }
        if (json) {
            out.println(TerminalText.json(RunConfirmation.toJson(result, budget.key(), mapper).toPrettyString()));
        } else {
            print(result, out);
        }
        out.flush();
        return result instanceof ConfirmationResult.Confirmed ? 0 : 1;
    }

    private void print(ConfirmationResult result, PrintWriter out) {
        switch (result) {
            case ConfirmationResult.Confirmed c -> {
                out.println("confirmed: " + c.describe());
                out.println(c.explained());
                out.println(side("variant", c.variant(), c.variantLoss(), c.variantMfu()));
                out.println(side("seed", c.seed(), c.seedLoss(), c.seedMfu()));
                out.printf("written to %s (confirmed)%n", new RunDirectory(dir).state());
            }
            case ConfirmationResult.Unconfirmed u -> out.println(TerminalText.lines(u.reason()));
        }
    }

    /** {@code variant  7d82…  perplexity 11.69 (held-out loss 2.4590, sd 0.0123, n = 3)  MFU 3.3%}. */
    private static String side(String name, String id, Sample loss, double mfu) {
        return String.format(Locale.ROOT, "%-7s  %s  perplexity %.2f (held-out loss %.4f, sd %.4f, n = %d)  MFU %.1f%%", name,
                id, Math.exp(loss.mean()), loss.mean(), loss.sd(), loss.count(), 100 * mfu);
    }

    /** The variant an id or a unique start of one names. */
    private static String resolve(RunDirectory run, String given) throws IOException {
        String text = given.strip().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(run.variant(text).resolve(VariantDirectory.METADATA))) {
            return text;
        }
        List<String> matches;
        try (Stream<Path> dirs = Files.isDirectory(run.variants()) ? Files.list(run.variants()) : Stream.empty()) {
            matches = dirs.filter(d -> Files.isRegularFile(d.resolve(VariantDirectory.METADATA)))
                    .map(d -> d.getFileName().toString()).filter(name -> !text.isEmpty() && name.startsWith(text)).sorted()
                    .toList();
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no variant '" + given + "' in " + run.root()
                    + ": give an id from its variants/ folder (darwin status " + run.root() + " names the best)");
        }
        throw new IllegalArgumentException("'" + given + "' starts " + matches.size() + " variants' ids (" + String.join(", ",
                matches.subList(0, Math.min(4, matches.size()))) + (matches.size() > 4 ? ", …" : "") + "): give more of it");
    }
}
