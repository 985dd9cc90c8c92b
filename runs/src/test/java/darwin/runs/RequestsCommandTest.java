package darwin.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.Personas;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import darwin.memory.AgentMemories;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.RunState;
import darwin.memory.SuggestionBox;
import darwin.trainer.resources.VariantResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stopped run with two agents, a 30-second budget and three pending requests. */
    static RequestBook run(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        new RunState("fixture", Instant.parse("2026-11-22T00:00:00Z"), JSON.createObjectNode().put("budget.seconds", "30")
                .put("population.generations", "3"), 1, List.of(new RunState.Member("agent-1", "0123456789abcdef")),
                "0123456789abcdef").save(run.state(), JSON);
        AgentMemories memories = new AgentMemories(run, JSON);
        memories.enrol("agent-1", Personas.forAgent(0), Map.of());
        memories.enrol("agent-2", Personas.forAgent(1), Map.of());
        RequestBook book = new RequestBook(run.requests(), JSON, Clock.systemUTC());
        book.file("g1-s0", 1, "agent-1", new UpgradeRequest(RequestKind.BUDGET, "more time", "loss still falling", "60"));
        book.file("g1-s1", 1, "agent-2", new UpgradeRequest(RequestKind.SCRIPT, "a schedule", "", "no declaration"));
        book.file("g1-s2", 1, "agent-2", new UpgradeRequest(RequestKind.FILE_STRUCTURE, "split the model", "", "{}"));
        return book;
    }

    @Test
    void peopleListShowApproveAndDeny(@TempDir Path dir) throws Exception {
        RequestBook book = run(dir);
        Cli.Outcome list = Cli.darwin("requests", dir.toString(), "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("r1") && list.out().contains("PENDING") && list.out().contains("more time"), list.out());

        Cli.Outcome show = Cli.darwin("requests", dir.toString(), "show", "r1");
        assertTrue(show.out().contains("loss still falling") && show.out().contains("approve r1"), show.out());

        Cli.Outcome approve = Cli.darwin("requests", dir.toString(), "approve", "r1", "--with", "45", "--note", "ok", "--by", "ada");
        assertEquals(0, approve.status(), approve.err());
        assertEquals(RequestStatus.APPROVED, book.get("r1").status());
        assertEquals("45", book.get("r1").value());
        assertEquals("ada", book.get("r1").decision().by());

        Path script = dir.resolve("Schedule.java");
        Files.writeString(script, "package darwin.program;\nfinal class Schedule {}\n");
        assertEquals(0, Cli.darwin("requests", dir.toString(), "approve", "r2", "--with", script.toString()).status());
        assertTrue(book.get("r2").value().contains("final class Schedule"));

        Cli.Outcome deny = Cli.darwin("requests", dir.toString(), "deny", "r3", "--note", "not yet");
        assertEquals(0, deny.status(), deny.err());
        assertEquals(RequestStatus.DENIED, book.get("r3").status());
        assertTrue(Cli.darwin("requests", dir.toString(), "list").out().contains("1 more applied, denied or failed"));
    }

    @Test
    void badIdsAndValuesAreRefusedWithTheReason(@TempDir Path dir) {
        RequestBook book = run(dir);
        Cli.Outcome unknown = Cli.darwin("requests", dir.toString(), "approve", "r9");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no request 'r9'") && unknown.err().contains("[r1, r2, r3]"), unknown.err());

        Cli.Outcome lower = Cli.darwin("requests", dir.toString(), "approve", "r1", "--with", "20");
        assertEquals(2, lower.status());
        assertTrue(lower.err().contains("only rises"), lower.err());
        assertEquals(RequestStatus.PENDING, book.get("r1").status(), "nothing changed");

        Cli.Outcome noPath = Cli.darwin("requests", dir.toString(), "approve", "r2");
        assertTrue(noPath.err().contains("cannot tell where the script goes"), noPath.err());
        Cli.Outcome emptyLayout = Cli.darwin("requests", dir.toString(), "approve", "r3");
        assertTrue(emptyLayout.err().contains("moves, writes and deletes nothing"), emptyLayout.err());
        Cli.Outcome missingFile = Cli.darwin("requests", dir.toString(), "approve", "r2", "--with", dir.resolve("nope").toString());
        assertTrue(missingFile.err().contains("is not a file"), missingFile.err());

        assertEquals(0, Cli.darwin("requests", dir.toString(), "deny", "r1").status());
        Cli.Outcome twice = Cli.darwin("requests", dir.toString(), "approve", "r1");
        assertTrue(twice.err().contains("already denied"), twice.err());

        Cli.Outcome notARun = Cli.darwin("requests", dir.resolve("elsewhere").toString(), "list");
        assertEquals(2, notARun.status());
        assertTrue(notARun.err().contains("is not a run"), notARun.err());
    }

    /** A run whose allowed library com.example:tiny:1.0 sits in a local repository of its own. */
    static RequestBook runWithLibraries(Path dir) throws Exception {
        RequestBook book = run(dir);
        Path repository = dir.resolve("m2");
        Path jar = repository.resolve("com/example/tiny/1.0/tiny-1.0.jar");
        Files.createDirectories(jar.getParent());
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/tiny/notes.txt"));
            out.write("tiny".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        RunDirectory run = new RunDirectory(dir);
        RunState state = RunState.load(run.state(), JSON);
        var settings = ((ObjectNode) state.settings().deepCopy())
                .put("run.libraries", "[com.example:tiny:1.0, com.example:absent:2.0]")
                .put("run.maven-repository", repository.toString());
        new RunState(state.id(), state.created(), settings, state.generation(), state.members(), state.seedVariant())
                .save(run.state(), JSON);
        book.file("g1-s3", 1, "agent-1", new UpgradeRequest(RequestKind.DATASET, "more text", "overfitting", "poems"));
        book.file("g1-s4", 1, "agent-1", new UpgradeRequest(RequestKind.LIBRARY, "tiny", "", "com.example:tiny:1.0"));
        book.file("g1-s5", 1, "agent-2", new UpgradeRequest(RequestKind.LIBRARY, "absent", "", "com.example:absent:2.0"));
        book.file("g1-s6", 1, "agent-2", new UpgradeRequest(RequestKind.LIBRARY, "not allowed", "", "org.evil:x:1"));
        return book;
    }

    @Test
    void anApprovedDatasetOrLibraryIsStoredInTheRunAndRecorded(@TempDir Path dir) throws Exception {
        RequestBook book = runWithLibraries(dir);
        Path text = dir.resolve("poems.txt");
        Files.writeString(text, "Shall I compare thee to a summer's day?\nThou art more lovely — and more temperate.\n");
        Cli.Outcome dataset = Cli.darwin("requests", dir.toString(), "approve", "r4", "--with", text.toString());
        assertEquals(0, dataset.status(), dataset.err());
        assertTrue(dataset.out().contains("1 characters outside the corpus's vocabulary were dropped")
                || dataset.out().contains("dropped"), dataset.out());
        var resources = VariantResources.parse(book.get("r4").value());
        assertEquals(1, resources.datasets().size());
        assertTrue(Files.isRegularFile(new RunDirectory(dir).resources().resolve(resources.datasets().getFirst().fileName())));

        Cli.Outcome library = Cli.darwin("requests", dir.toString(), "approve", "r5");
        assertEquals(0, library.status(), library.err());
        assertEquals("com.example:tiny:1.0", VariantResources.parse(book.get("r5").value())
                .libraries().getFirst().coordinates());
    }

    @Test
    void aDatasetNeedsAFileAndALibraryMustBeAllowedAndAtHand(@TempDir Path dir) throws Exception {
        RequestBook book = runWithLibraries(dir);
        Cli.Outcome noFile = Cli.darwin("requests", dir.toString(), "approve", "r4");
        assertTrue(noFile.err().contains("approved with the text file"), noFile.err());
        Cli.Outcome empty = Cli.darwin("requests", dir.toString(), "approve", "r4", "--with",
                Files.writeString(dir.resolve("empty.txt"), "").toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("empty.txt"), empty.err());
        Cli.Outcome absent = Cli.darwin("requests", dir.toString(), "approve", "r6");
        assertTrue(absent.err().contains("not in the local Maven repository") && absent.err().contains("dependency:get"),
                absent.err());
        Cli.Outcome refused = Cli.darwin("requests", dir.toString(), "approve", "r7");
        assertTrue(refused.err().contains("not on the run's allowed list"), refused.err());
        for (String id : List.of("r4", "r6", "r7")) {
            assertEquals(RequestStatus.PENDING, book.get(id).status(), id + " unchanged");
        }
    }

    @Test
    void aSuggestionReachesTheBoxAndAnUnknownAgentIsNamed(@TempDir Path dir) {
        run(dir);
        Cli.Outcome all = Cli.darwin("suggest", dir.toString(), "try", "rotary", "embeddings");
        assertEquals(0, all.status(), all.err());
        Cli.Outcome one = Cli.darwin("suggest", dir.toString(), "--agent", "agent-2", "shorter warm-up");
        assertEquals(0, one.status(), one.err());
        var box = new SuggestionBox(new RunDirectory(dir).suggestions(), JSON, Clock.systemUTC());
        assertEquals(List.of("try rotary embeddings", "shorter warm-up"), box.to("agent-2").stream().map(s -> s.text()).toList());
        assertEquals(1, box.to("agent-1").size());
        Cli.Outcome unknown = Cli.darwin("suggest", dir.toString(), "--agent", "agent-7", "hello");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no agent 'agent-7'") && unknown.err().contains("agent-1"), unknown.err());
    }

    @Test
    void aRequestsTextIsShownWithItsControlCharactersVisible(@TempDir Path dir) throws Exception {
        RequestBook book = run(dir);
        book.file("g2-s0", 2, "agent-1", new UpgradeRequest(RequestKind.BUDGET, "title " + Shown.HOSTILE,
                "rationale " + Shown.HOSTILE + "\nsecond line", "payload " + Shown.HOSTILE));
        for (String[] command : new String[][] {{"list"}, {"show", "r4"}, {"deny", "r4", "--note", "no " + Shown.HOSTILE},
                {"list", "--all"}, {"show", "r4"}}) {
            String[] args = new String[command.length + 2];
            args[0] = "requests";
            args[1] = dir.toString();
            System.arraycopy(command, 0, args, 2, command.length);
            Cli.Outcome outcome = Cli.darwin(args);
            assertEquals(0, outcome.status(), outcome.err());
            Shown.assertSafe(outcome.out());
            assertTrue(outcome.out().contains("title \\e[31mred"), outcome.out());
        }
        String show = Cli.darwin("requests", dir.toString(), "show", "r4").out();
        assertTrue(show.contains("\\e[2J\\e]0;owned\\x07") && show.contains("\nsecond line"), "the rationale keeps its lines: " + show);
        assertEquals("title " + Shown.HOSTILE, book.get("r4").title(), "the request book keeps what the agent wrote");
    }
}
