package darwin.runs;

import darwin.core.Variant;
import darwin.trainer.variant.SeedVariant;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code darwin seed --out DIR}: writes the bundled seed program as a variant directory. */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = {"Write the seed training program (nanoGPT) as a variant directory.",
                "Edit the files under program/ and evaluate the result with: darwin evaluate DIR"})
final class SeedCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory to create; it must not exist or be empty.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Variant seed = SeedVariant.variant();
        try {
            VariantDirectory.write(seed, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the seed to " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("wrote the seed variant %s (%d files) to %s%n", seed.id(), seed.files().size(), out);
        spec.commandLine().getOut().printf("the program is under %s; the harness API under %s is for reference and must not change%n",
                out.resolve("program"), out.resolve("harness"));
        return 0;
    }
}
