package darwin.runs;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code darwin} command line in the test's JVM and keeps what it printed. */
final class Cli {

    /** The exit status and what went to standard output and standard error. */
    record Outcome(int status, String out, String err) {}

    private Cli() {}

    static Outcome darwin(String... args) {
        return darwin(CommandLine.defaultFactory(), args);
    }

    /** The command line with its commands made by {@code factory}, which may give them stubs. */
    static Outcome darwin(CommandLine.IFactory factory, String... args) {
        CommandLine line = Darwin.commandLine(factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
