package darwin.runs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Personas;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.memory.AgentMemories;
import darwin.memory.RequestBook;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A stopped run for the page's tests: two agents, a 30-second budget, two pending requests (r1 a
 * BUDGET, r2 a SCRIPT), one variant with a program file, and the ways out a hostile request would
 * try: a secret beside the run, a link to it inside the variant, and a variant folder that is a link.
 */
final class LiveRunFixture {

    static final String VARIANT = "0123456789abcdef";
    static final String LINKED_VARIANT = "fedcba9876543210";
    static final String SECRET = "the secret beside the run";

    private LiveRunFixture() {}

    static RunDirectory create(Path root) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path dir = root.resolve("run");
        RunDirectory run = new RunDirectory(dir);
        new RunState("fixture", Instant.parse("2026-11-22T00:00:00Z"), json.createObjectNode().put("budget.seconds", "30")
                .put("population.generations", "3"), 1, List.of(new RunState.Member("agent-1", VARIANT)), VARIANT)
                .save(run.state(), json);
        AgentMemories memories = new AgentMemories(run, json);
        memories.enrol("agent-1", Personas.forAgent(0), Map.of());
        memories.enrol("agent-2", Personas.forAgent(1), Map.of());
        RequestBook book = new RequestBook(run.requests(), json, Clock.systemUTC());
        book.file("g1-s0", 1, "agent-1", new UpgradeRequest(RequestKind.BUDGET, "more time", "loss still falling", "60"));
        book.file("g1-s1", 1, "agent-2", new UpgradeRequest(RequestKind.SCRIPT, "a schedule </script><script>alert(1)</script>",
                "", "no declaration"));
        Path program = run.variant(VARIANT).resolve("program/darwin/program");
        Files.createDirectories(program);
        Files.writeString(program.resolve("Model.java"), "package darwin.program;\nfinal class Model {}\n");
        Path secret = root.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        Files.createSymbolicLink(program.resolve("Link.java"), secret);
        Path outside = root.resolve("outside-variant");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(run.variant(LINKED_VARIANT), outside);
        return run;
    }

    /** Every file of the run and its content, but the empty lock files that reading under a lock leaves. */
    static Map<String, String> contents(RunDirectory run) {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(run.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!(file.getFileName().toString().startsWith(".") && file.getFileName().toString().endsWith(".lock"))) {
                    contents.put(run.root().relativize(file).toString(), Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }
}
