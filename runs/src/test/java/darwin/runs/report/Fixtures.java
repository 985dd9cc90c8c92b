package darwin.runs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The hand-made run under {@code src/test/resources/darwin/runs/report/fixture-run}. */
public final class Fixtures {

    /** Seed, then A (gen 1, agent-2), B (gen 1, agent-3) and D (gen 2, agent-3, from A): the measured variants. */
    public static final String SEED = "seed000000000000";
    public static final String A = "aaaa000000000001";
    public static final String B = "bbbb000000000002";
    public static final String D = "dddd000000000004";
    public static final String HOSTILE = "</script><script>alert(1)</script>";

    private Fixtures() {}

    /** The {@code metrics} of a ledger line as a run writes them, with this perplexity and MFU. */
    public static String metrics(double perplexity, double mfu) {
        return String.format(Locale.ROOT, "{\"valLoss\": %s, \"perplexity\": %s, \"mfu\": %s, \"tokensPerSecond\": 1000.0,"
                + " \"tokensTrained\": 30000, \"steps\": 100, \"parameters\": 800000, \"flopsPerToken\": 5000000.0,"
                + " \"peakFlops\": 1.0E11, \"wallSeconds\": 35.0, \"trainSeconds\": 30.0, \"device\": \"cpu\"}",
                Math.log(perplexity), perplexity, mfu);
    }

    /** A copy of the fixture run in {@code into}, to write a report into or to damage. */
    public static Path copy(Path into) {
        try {
            Path source = Path.of(Fixtures.class.getResource("fixture-run/run.json").toURI()).getParent();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = into.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
