package darwin.runs.memory;

import darwin.core.text.TerminalText;
import darwin.memory.AtomicFiles;
import darwin.memory.Attempt;
import darwin.memory.query.AttemptExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code darwin memory DIR export --format csv|jsonl [--out FILE]}: every attempt, one row each.
 * JSON lines keep every text exactly, with the characters that would act on a terminal as JSON
 * escapes ({@link TerminalText#json}); CSV, the form for people and spreadsheets, shows them in
 * their visible forms ({@link TerminalText#lines}: a quoted cell keeps its line breaks, a record
 * still ends in CR LF).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Every attempt, one row or line each, in a fixed column order: CSV (RFC 4180) or JSON lines.",
                "JSON lines keep every text exactly; CSV shows control characters as \\e, \\xHH or \\uHHHH."})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Mixin
    FilterOptions filter;

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv", description = "csv (the default) or jsonl.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    Path file;

    @Override
    public Integer call() {
        AttemptExport.Format chosen = AttemptExport.Format.named(format);
        List<Attempt> attempts = filter.filter().apply(memory.open().attempts());
        String rendered = AttemptExport.render(chosen, attempts, memory.json);
        String text = switch (chosen) {
            case CSV -> TerminalText.lines(rendered);
            case JSONL -> TerminalText.json(rendered);
        };
        if (file == null) {
            PrintWriter out = MemoryCommand.out(spec);
            out.print(text);
            out.flush();
        } else {
            try {
                AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            spec.commandLine().getErr().println("wrote " + attempts.size() + " attempts to " + file);
        }
        return 0;
    }
}
