package darwin.runs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
