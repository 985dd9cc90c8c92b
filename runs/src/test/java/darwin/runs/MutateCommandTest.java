package darwin.runs;

import static darwin.runs.Cli.darwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import darwin.core.Variant;
import darwin.trainer.data.Corpus;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.resources.VariantResources;
import darwin.trainer.variant.VariantDirectory;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import darwin.runs.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class MutateCommandTest {

    private static Path seed(Path tmp) {
        Path dir = tmp.resolve("seed");
        assertEquals(0, darwin("seed", "--out", dir.toString()).status());
        return dir;
    }

    @Test
    void theOfflineCatalogWritesACompiledChild(@TempDir Path tmp) throws Exception {
        Path dir = seed(tmp);
        Outcome outcome = darwin("mutate", dir.toString(), "--out", tmp.resolve("child").toString(), "--json",
                "--persona", "throughput engineer");
        assertEquals(0, outcome.status(), outcome.err() + outcome.out());
        JsonNode json = new ObjectMapper().readTree(outcome.out());
        assertEquals("PROPOSED", json.get("status").asText());
        Variant child = VariantDirectory.read(tmp.resolve("child"));
        assertEquals(json.get("child").asText(), child.id());
        assertEquals(VariantDirectory.read(dir).id(), child.parents().getFirst());
        assertTrue(json.get("diff").asText().startsWith("--- a/program/"), json.get("diff").asText());
    }

    @Test
    void theChildTakesTheFilesOfTheResourcesItLists(@TempDir Path tmp) throws Exception {
        Path dir = seed(tmp);
        var store = ResourceStore.at(dir.resolve("resources"));
        var dataset = store.addDataset(Files.writeString(tmp.resolve("hamlet.txt"), "To be, or not to be.\n"),
                Corpus.tinyShakespeare().tokenizer()).ref();
        Files.writeString(dir.resolve(VariantResources.MANIFEST),
                VariantResources.NONE.with(dataset).toJson());
        Outcome outcome = darwin("mutate", dir.toString(), "--out", tmp.resolve("child").toString());
        assertEquals(0, outcome.status(), outcome.err() + outcome.out());
        assertEquals(List.of(dataset),
                VariantResources.of(VariantDirectory.read(tmp.resolve("child"))).datasets());
        assertTrue(Files.isRegularFile(tmp.resolve("child/resources").resolve(dataset.fileName())));
    }

    /** A chat-completions server that answers every request with {@code reply}, counting the requests. */
    private static HttpServer replying(String reply, AtomicInteger requests) throws Exception {
        String body = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                + new ObjectMapper().writeValueAsString(reply) + "}}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                + "\"total_tokens\":15}}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    /** A reply that shortens the warm-up, with the given summary and reasoning. */
    private static String warmUpReply(String summary, String reasoning) throws Exception {
        return new ObjectMapper().createObjectNode()
                .put("reasoning", reasoning).put("summary", summary)
                .set("edits", new ObjectMapper().readTree("[{\"path\":\"program/darwin/program/GptConfig.java\","
                        + "\"search\":\"1e-3, 1e-4, 100,\",\"replace\":\"1e-3, 1e-4, 50,\"}]")).toString();
    }

    private static String[] mutateWith(HttpServer server, Path dir, Path out, String... more) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        List<String> args = new ArrayList<>(List.of("mutate", dir.toString(), "--out", out.toString(), "--provider",
                "openai", "--model", "local-model", "--base-url", url, "--api-key-env", "PATH"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void anOpenAiCompatibleServerProposesTheChange(@TempDir Path tmp) throws Exception {
        Path dir = seed(tmp);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = replying(warmUpReply("warm up for 50 steps", "Shorter warm-up."), requests);
        try {
            Outcome outcome = darwin(mutateWith(server, dir, tmp.resolve("child")));
            assertEquals(0, outcome.status(), outcome.err() + outcome.out());
            assertTrue(outcome.out().contains("warm up for 50 steps"), outcome.out());
            assertTrue(Files.readString(tmp.resolve("child/program/darwin/program/GptConfig.java")).contains("1e-4, 50,"));
            // the same request again is answered from the reply cache next to the variant
            darwin(mutateWith(server, dir, tmp.resolve("again")));
            assertEquals(1, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRepliesControlCharactersAreShownNotSentToTheTerminal(@TempDir Path tmp) throws Exception {
        Path dir = seed(tmp);
        HttpServer server = replying(warmUpReply("warm up " + Shown.HOSTILE, "because " + Shown.HOSTILE + "\nsecond line"),
                new AtomicInteger());
        try {
            Outcome text = darwin(mutateWith(server, dir, tmp.resolve("child")));
            assertEquals(0, text.status(), text.err() + text.out());
            Shown.assertSafe(text.out());
            assertTrue(text.out().contains("warm up \\e[31mred\\e[0m \\e[2J"), text.out());
            assertTrue(text.out().contains("\\u202eevil\\u202c") && text.out().contains("\n  second line\n"), text.out());
            Outcome json = darwin(mutateWith(server, dir, tmp.resolve("again"), "--json"));
            Shown.assertSafe(json.out());
            assertEquals("because " + Shown.HOSTILE + "\nsecond line",
                    new ObjectMapper().readTree(json.out()).path("reasoning").asText(), "the JSON keeps the model's text");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badSettingsAreOneLineErrors(@TempDir Path tmp) {
        Path dir = seed(tmp);
        Outcome noModel = darwin("mutate", dir.toString(), "--out", tmp.resolve("c").toString(), "--provider", "openai");
        assertEquals(2, noModel.status());
        assertTrue(noModel.err().contains("--provider needs --model"), noModel.err());
        Outcome unknown = darwin("mutate", dir.toString(), "--out", tmp.resolve("c").toString(), "--provider", "mistral",
                "--model", "m");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("openai"), unknown.err());
        Outcome persona = darwin("mutate", dir.toString(), "--out", tmp.resolve("c").toString(), "--persona", "poet");
        assertEquals(2, persona.status());
        assertTrue(persona.err().contains("no persona named 'poet'"), persona.err());
    }
}
