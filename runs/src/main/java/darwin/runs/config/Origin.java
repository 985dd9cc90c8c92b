package darwin.runs.config;

import java.nio.file.Path;

/** Where the value of a setting came from, for error messages. */
public sealed interface Origin {

    /** A short description, such as {@code run.yaml line 4} or {@code flag --population}. */
    String describe();

    /** The setting's default. */
    record Default() implements Origin {
        @Override
        public String describe() {
            return "default";
        }
    }

    /** A line of a configuration file. */
    record File(Path file, int line) implements Origin {
        @Override
        public String describe() {
            return file + " line " + line;
        }
    }

    /** A flag of the command line (or an override by key, for a setting without a flag). */
    record Flag(String name) implements Origin {
        @Override
        public String describe() {
            return name.startsWith("--") ? "flag " + name : "override of " + name;
        }
    }

    /** The origin of every default. */
    Origin DEFAULT = new Default();
}
