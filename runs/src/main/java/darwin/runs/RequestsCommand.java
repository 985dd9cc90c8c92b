package darwin.runs;

import darwin.core.text.TerminalText;
import darwin.memory.Request;
import darwin.memory.RequestStatus;
import darwin.population.upgrade.UpgradeException;
import darwin.population.upgrade.UpgradeReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darwin requests DIR list|show|approve|deny}: people decide on the agents' upgrade
 * requests, while the run is live (from another terminal) or stopped. An approval is checked at
 * once, so that a value that cannot work is refused now and not in the night; it takes effect from
 * the run's next generation. A request's texts are the agent's (or a person's), and are shown as
 * {@link TerminalText} shows them: a line in a list on one line, a request in full with its lines.
 */
@Command(name = "requests", mixinStandardHelpOptions = true,
        description = {"List, show, approve or deny the agents' upgrade requests (the run may be live or stopped).",
                "An approved request takes effect from the next generation."})
final class RequestsCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "The run's directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "One line per request, pending first.")
    int list(@Option(names = "--all", description = "Also the requests already applied, denied or failed.") boolean all) {
        List<Request> requests = RunFiles.open(dir).requests().all();
        PrintWriter out = spec.commandLine().getOut();
        if (requests.isEmpty()) {
            out.println("no requests yet");
            return 0;
        }
        requests.stream().sorted(Comparator.comparing((Request r) -> !r.pending()))
                .filter(r -> all || r.status() == RequestStatus.PENDING || r.status() == RequestStatus.APPROVED)
                .forEach(r -> out.println(TerminalText.line(String.format(Locale.ROOT, "%-4s %-8s %-14s gen %-3d %-9s %s", r.id(),
                        r.status(), r.kind(), r.generation(), r.agent(), r.title()))));
        long closed = requests.stream().filter(r -> r.status() != RequestStatus.PENDING && r.status() != RequestStatus.APPROVED)
                .count();
        if (!all && closed > 0) {
            out.println(closed + " more applied, denied or failed (--all shows them)");
        }
        return 0;
    }

    @Command(name = "show", description = "A request in full: rationale, payload, decision, effect.")
    int show(@Parameters(paramLabel = "ID") String id) {
        Request r = RunFiles.open(dir).requests().get(id);
        PrintWriter out = spec.commandLine().getOut();
        say(out, "%s  %s  %s%n", r.id(), r.kind(), r.status());
        say(out, "asked by %s in generation %d (proposal %s) at %s%n", r.agent(), r.generation(), r.proposal(), r.created());
        say(out, "title:     %s%n", TerminalText.line(r.title()));
        say(out, "rationale: %s%n", r.rationale().isEmpty() ? "(none)" : r.rationale());
        say(out, "payload:%n%s%n", r.payload().isEmpty() ? "  (none)" : TerminalText.lines(r.payload()).indent(2).stripTrailing());
        if (r.decision() != null) {
            say(out, "decided:   %s by %s at %s%s%n", r.status() == RequestStatus.DENIED ? "denied" : "approved",
                    r.decision().by(), r.decision().at(), r.decision().note().isEmpty() ? "" : "; note: " + r.decision().note());
            if (!r.decision().value().isEmpty()) {
                say(out, "with:%n%s%n", TerminalText.lines(r.decision().value()).indent(2).stripTrailing());
            }
        }
        if (r.applied() != null) {
            say(out, "%s generation %d: %s%n", r.status() == RequestStatus.APPLIED ? "in effect from" : "failed at",
                    r.applied().generation(), r.applied().note());
        }
        if (r.status() == RequestStatus.PENDING) {
            say(out, "decide: darwin requests %s approve %s [--note TEXT] [--with VALUE] | deny %s [--note TEXT]%n", dir, r.id(),
                    r.id());
        }
        return 0;
    }

    /** Prints the formatted text as {@link TerminalText#lines} shows it. */
    private static void say(PrintWriter out, String format, Object... args) {
        out.print(TerminalText.lines(String.format(Locale.ROOT, format, args)));
    }

    @Command(name = "approve", description = {"Approve a pending request; it takes effect from the next generation.",
            "--with: BUDGET a number (seconds or steps, as the run's budget); DATASET a text file;",
            "SCRIPT a source file (instead of the agent's); FILE_STRUCTURE a JSON layout file; LIBRARY coordinates."})
    int approve(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the agent.") String note,
            @Option(names = "--with", paramLabel = "VALUE", description = "What to apply instead of the agent's payload.")
            String with,
            @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the user's name).") String by)
            throws IOException {
        RunFiles files = RunFiles.open(dir);
        Request request = files.requests().get(id);
        if (request.status() != RequestStatus.PENDING) {
            throw new IllegalStateException("request " + request.id() + " is already "
                    + request.status().name().toLowerCase(Locale.ROOT));
        }
        String value = switch (request.kind()) {
            case DATASET, LIBRARY -> ApprovedResources.store(files, request, with, spec.commandLine().getOut());
            case SCRIPT, FILE_STRUCTURE -> with == null ? "" : text(Path.of(with));
            case BUDGET -> with == null ? "" : with;
        };
        Request asApproved = request.decided(RequestStatus.APPROVED, new Request.Decision(who(by), Instant.now(),
                note, value));
        try {
            new UpgradeReader(RunAssembly.resources()).read(asApproved, files.budget());
        } catch (UpgradeException e) {
            throw new IllegalArgumentException("request " + request.id() + " cannot be approved: " + e.getMessage());
        }
        Request decided = files.requests().decide(request.id(), RequestStatus.APPROVED, who(by), note, value);
        spec.commandLine().getOut().println(TerminalText.line(String.format(Locale.ROOT,
                "approved %s (%s: %s); it takes effect from the next generation", decided.id(), decided.kind(), decided.title())));
        return 0;
    }

    @Command(name = "deny", description = "Deny a pending request; the agent learns it, with the note.")
    int deny(@Parameters(paramLabel = "ID") String id,
            @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the agent.") String note,
            @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the user's name).") String by) {
        Request decided = RunFiles.open(dir).requests().decide(id, RequestStatus.DENIED, who(by), note, "");
        spec.commandLine().getOut().println(TerminalText.line(String.format(Locale.ROOT, "denied %s (%s: %s)", decided.id(),
                decided.kind(), decided.title())));
        return 0;
    }

    static String text(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        }
    }

    static String who(String by) {
        return by != null && !by.isBlank() ? by : System.getProperty("user.name", "unknown");
    }
}
