package darwin.runs.memory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import darwin.memory.Attempt;
import darwin.memory.query.AttemptExport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code darwin memory DIR attempts}: every attempt once, optionally filtered. */
@Command(name = "attempts", mixinStandardHelpOptions = true,
        description = "Every attempt once, in the order proposed; filter by status, tag or proposing agent.")
final class AttemptsCommand implements Callable<Integer> {

    @ParentCommand
    MemoryCommand memory;

    @Spec
    CommandSpec spec;

    @Mixin
    FilterOptions filter;

    @Option(names = "--json", description = "Print a JSON array, one object per attempt with the export's columns.")
    boolean json;

    @Override
    public Integer call() {
        List<Attempt> attempts = filter.filter().apply(memory.open().attempts());
        PrintWriter out = MemoryCommand.out(spec);
        if (json) {
            ArrayNode array = memory.json.createArrayNode();
            attempts.forEach(a -> array.add(AttemptExport.row(a, memory.json)));
            out.println(MemoryCommand.json(array));
        } else if (attempts.isEmpty()) {
            out.println("no attempt matches");
        } else {
            AttemptTable.print(attempts, out);
        }
        out.flush();
        return 0;
    }
}
