package darwin.runs.memory;

import darwin.core.text.TerminalText;
import darwin.memory.Attempt;
import darwin.memory.query.Change;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code darwin memory DIR diff ATTEMPT}: what one attempt changed, and what came of it. The header
 * and the diff are shown as {@link TerminalText} shows them (the reasoning and the diff keep their
 * lines); {@code --patch} prints the diff exactly as stored, since {@code patch} and {@code git
 * apply} must get the bytes the variant's files hold.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"One attempt's unified diff, after a header: summary, reasoning, status, metrics.",
                "Control characters are shown as \\e, \\xHH or \\uHHHH, except with --patch."})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ATTEMPT", description = "The attempt's proposal key, e.g. g3-s1.")
    String key;

    @Option(names = "--patch", description = "Print the diff alone and exactly as stored, for patch -p1 or git apply.")
    boolean patch;

    @Override
    public Integer call() {
        Attempt a = memory.open().attempt(key).orElseThrow(() -> new IllegalArgumentException(
                "no attempt '" + key + "' in " + memory.dir + "; " + memory.howToListAttempts()));
        PrintWriter out = MemoryCommand.out(spec);
        if (!patch) {
            out.println(TerminalText.line(String.format(Locale.ROOT, "attempt %s, generation %d: %s on %s's variant %s → %s",
                    a.proposal(), a.generation(), a.mutator(), a.owner().isEmpty() ? "?" : a.owner(), a.parent(),
                    a.child() == null ? "(no variant)" : a.child())));
            out.println("summary:    " + MemoryCommand.oneLine(a.summary()));
            out.println("tags:       " + (a.tags().isEmpty() ? "-" : TerminalText.line(String.join(", ", a.tags()))));
            out.println("status:     " + TerminalText.line(a.status())
                    + (a.reason().isEmpty() ? "" : " (" + MemoryCommand.oneLine(a.reason()) + ")"));
            Change change = Change.of(a).orElse(null);
            if (change == null) {
                out.println("perplexity: " + Figures.perplexity(a));
                out.println("MFU:        " + Figures.mfu(a));
            } else {
                int n = Math.min(change.before(), change.after());
                out.println("perplexity: " + Figures.perplexity(a) + "  (" + Figures.interval(change.perplexity(), n) + ", "
                        + judgement(change) + ")");
                out.println("MFU:        " + Figures.mfu(a) + "  (" + (change.mfu() == null ? "" : Figures.interval(change.mfu(), n)
                        + ", ") + Figures.points(a.mfuChange()) + ")");
            }
            out.printf(Locale.ROOT, "LLM:        %d tokens in, %d out, $%.4f%n", a.inputTokens(), a.outputTokens(), a.cost());
            out.println("reasoning:");
            TerminalText.lines(a.reasoning().strip()).lines().forEach(line -> out.println("  " + line));
            out.println();
        }
        if (a.diff().isEmpty()) {
            (patch ? spec.commandLine().getErr() : out).println("(no diff: no program came of this attempt)");
        } else {
            String diff = patch ? a.diff() : TerminalText.lines(a.diff());
            out.print(diff.endsWith("\n") ? diff : diff + "\n");
        }
        out.flush();
        return 0;
    }

    /** {@code better beyond noise (95%), 3 replicates before, 3 after}, or what is known of an older run's draw. */
    private static String judgement(Change change) {
        if (!change.judged()) {
            return "one draw each side, noise unknown: unjudged";
        }
        String verdict = switch (change.verdict()) {
            case BETTER -> "better beyond noise";
            case WORSE -> "worse beyond noise";
            case WITHIN_NOISE -> "within noise: no measurable effect";
        };
        return verdict + "; " + change.before() + " replicates before, " + change.after() + " after";
    }
}
