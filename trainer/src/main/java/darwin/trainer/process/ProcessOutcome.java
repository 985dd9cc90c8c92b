package darwin.trainer.process;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * How a watched process ended. When the runner killed it there is no exit code: the code a
 * killed process reports (137) says nothing about the program.
 *
 * @param commandLine the exact argument vector that was started, wrappers included
 * @param sandboxed whether it ran inside bubblewrap
 * @param ending why it ended
 * @param exitCode its exit code when it {@linkplain Ending#EXITED exited by itself}, else empty
 * @param wallTime from the start to the end of the process
 * @param stdoutTail the last bytes of its standard output, decoded as UTF-8
 * @param stderrTail the last bytes of its standard error, decoded as UTF-8
 * @param breaches the limits of its {@link ResourceLimits} it was seen to go over, whatever its
 *     ending (a fork the kernel refused does not end a process)
 */
public record ProcessOutcome(
        List<String> commandLine,
        boolean sandboxed,
        Ending ending,
        OptionalInt exitCode,
        Duration wallTime,
        String stdoutTail,
        String stderrTail,
        List<LimitBreach> breaches) {

    /** Why a process ended. */
    public enum Ending {
        /** It exited by itself (or was killed by someone other than the runner). */
        EXITED,
        /** It was still running at the deadline and the runner killed its tree. */
        DEADLINE,
        /** The waiting thread was interrupted and the runner killed its tree. */
        INTERRUPTED,
        /** The caller's test said it had done its work, and the runner killed its tree. */
        FINISHED,
        /** It went over a limit the runner watches ({@link #breaches()}), and the runner killed its tree. */
        LIMIT,
        /**
         * The caller's test of its work threw an {@link Error} (memory ran out, say), and the runner
         * killed its tree rather than leave it unwatched.
         */
        UNWATCHABLE
    }

    /** An outcome without breaches. */
    public ProcessOutcome(List<String> commandLine, boolean sandboxed, Ending ending, OptionalInt exitCode,
            Duration wallTime, String stdoutTail, String stderrTail) {
        this(commandLine, sandboxed, ending, exitCode, wallTime, stdoutTail, stderrTail, List.of());
    }

    public ProcessOutcome {
        if (commandLine == null || commandLine.isEmpty()) {
            throw new IllegalArgumentException("the command line is missing");
        }
        commandLine = List.copyOf(commandLine);
        if (ending == null || exitCode == null) {
            throw new IllegalArgumentException("the ending and the exit code are required");
        }
        if (exitCode.isPresent() != (ending == Ending.EXITED)) {
            throw new IllegalArgumentException("an exit code belongs to a process that exited by itself, got "
                    + exitCode + " for " + ending);
        }
        if (wallTime == null || wallTime.isNegative()) {
            throw new IllegalArgumentException("the wall time must not be negative, got " + wallTime);
        }
        if (stdoutTail == null || stderrTail == null) {
            throw new IllegalArgumentException("the output tails are required (empty when there was none)");
        }
        breaches = List.copyOf(breaches);
        if (ending == Ending.LIMIT && breaches.isEmpty()) {
            throw new IllegalArgumentException("a process stopped at a limit names the breach");
        }
    }

    /** Whether the deadline was hit. */
    public boolean timedOut() {
        return ending == Ending.DEADLINE;
    }

    /** Whether it exited by itself with code 0. */
    public boolean succeeded() {
        return exitCode.isPresent() && exitCode.getAsInt() == 0;
    }

    /** The command line as a shell would read it, for logs. */
    public String shellCommand() {
        return shellQuoted(commandLine);
    }

    static String shellQuoted(List<String> arguments) {
        return arguments.stream().map(ProcessOutcome::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String argument) {
        if (!argument.isEmpty() && argument.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
