package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyCacheTest {

    @TempDir
    Path dir;

    private static RequestKey key(String question) {
        return RequestKey.of(Provider.OPENAI, ProviderSettings.of("openai", "m")
                .request("a", "", question, Deadline.after(Duration.ofSeconds(1))));
    }

    private static CachedReply reply(String text) {
        return new CachedReply("openai", "m", text, FinishReason.STOP, new Usage(3, 4), 0.5);
    }

    @Test
    void repliesSurviveAReopen() throws IOException {
        Path file = dir.resolve("run/replies.jsonl");
        try (ReplyCache cache = ReplyCache.open(file)) {
            cache.put(key("one"), reply("first \"quoted\"\nline two ✓"));
            cache.put(key("two"), reply("second"));
        }
        try (ReplyCache cache = ReplyCache.open(file)) {
            assertEquals(Optional.of(reply("first \"quoted\"\nline two ✓")), cache.get(key("one")));
            assertEquals(Optional.of(reply("second")), cache.get(key("two")));
            assertEquals(Optional.empty(), cache.get(key("three")));
            assertEquals(2, cache.size());
        }
        assertEquals(2, Files.readAllLines(file).size(), "one line per reply");
    }

    @Test
    void aTruncatedLastLineIsSkippedAndTheNextAppendStartsClean() throws IOException {
        Path file = dir.resolve("replies.jsonl");
        try (ReplyCache cache = ReplyCache.open(file)) {
            cache.put(key("one"), reply("kept"));
        }
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

        try (ReplyCache cache = ReplyCache.open(file)) {
            assertEquals(Optional.of(reply("kept")), cache.get(key("one")));
            assertEquals(1, cache.size());
            cache.put(key("two"), reply("after the crash"));
        }
        try (ReplyCache cache = ReplyCache.open(file)) {
            assertEquals(Optional.of(reply("kept")), cache.get(key("one")));
            assertEquals(Optional.of(reply("after the crash")), cache.get(key("two")));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines::toString);
    }

    @Test
    void aLineThatIsNotAReplyIsSkipped() throws IOException {
        Path file = dir.resolve("replies.jsonl");
        try (ReplyCache cache = ReplyCache.open(file)) {
            cache.put(key("one"), reply("kept"));
        }
        Files.writeString(file, "{\"schema\": 99}\nnot json at all\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (ReplyCache cache = ReplyCache.open(file)) {
            cache.put(key("two"), reply("also kept"));
        }
        try (ReplyCache cache = ReplyCache.open(file)) {
            assertEquals(2, cache.size());
            assertEquals(Optional.of(reply("also kept")), cache.get(key("two")));
        }
    }

    @Test
    void aReplyEvictedFromMemoryIsReadBackFromItsLine() throws IOException {
        try (ReplyCache cache = ReplyCache.open(dir.resolve("replies.jsonl"), 300)) {
            for (int i = 0; i < 20; i++) {
                cache.put(key("q" + i), reply("answer " + i));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(Optional.of(reply("answer " + i)), cache.get(key("q" + i)));
            }
        }
    }

    @Test
    void completeAndCutOffRepliesAreCachedButNoOtherFailure() {
        assertThrows(IllegalArgumentException.class,
                () -> new CachedReply("openai", "m", "filtered", FinishReason.CONTENT_FILTER, Usage.NONE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CachedReply("openai", "m", "cut", FinishReason.LENGTH, Usage.NONE, 0), "a cut reply needs its message");
        assertThrows(IllegalArgumentException.class,
                () -> new CachedReply("openai", "m", "whole", FinishReason.STOP, Usage.NONE, 0, "a message"));
        Completion.Failed refused = Completion.Failed.ofAttempt(FailureKind.SERVER_ERROR, "boom", Optional.empty());
        assertEquals(Optional.empty(), CachedReply.of(Provider.OPENAI, "m", refused));
        assertTrue(ReplyCache.inMemory().file().isEmpty());
    }

    @Test
    void aTruncatedReplySurvivesAReopenAndIsReplayedAsATruncation() throws IOException {
        Path file = dir.resolve("replies.jsonl");
        Completion.Failed cut = new Completion.Failed(FailureKind.TRUNCATED, "the reply reached the limit of 256 output"
                + " tokens and was cut off", "public final class Gpt {", Optional.empty(), new Usage(100, 256), 0.002, 1);
        try (ReplyCache cache = ReplyCache.open(file)) {
            cache.put(key("long question"), CachedReply.of(Provider.OPENAI, "m", cut).orElseThrow());
        }
        try (ReplyCache cache = ReplyCache.open(file)) {
            CachedReply kept = cache.get(key("long question")).orElseThrow();
            assertTrue(kept.truncated());
            assertEquals(new Usage(100, 256), kept.usage(), "what it cost the first time is kept");
            Completion.Failed replayed = assertInstanceOf(Completion.Failed.class, kept.replay());
            assertEquals(FailureKind.TRUNCATED, replayed.kind());
            assertEquals(cut.message(), replayed.message());
            assertEquals("public final class Gpt {", replayed.partialText());
            assertEquals(Usage.NONE, replayed.usage());
            assertEquals(0, replayed.cost());
            assertEquals(0, replayed.attempts());
        }
    }

    @Test
    void aFileWrittenBeforeCutOffRepliesWereKeptLoadsUnchanged() throws IOException {
        Path file = dir.resolve("replies.jsonl");
        RequestKey old = new RequestKey("db6f28d984cbd537e285d1a40ea9b5fd7d74144431b736e8773677125df04b90");
        String line = "{\"schema\":1,\"key\":\"" + old + "\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\","
                + "\"finishReason\":\"STOP\",\"inputTokens\":3,\"outputTokens\":4,\"cost\":0.5,\"text\":\"an answer\"}\n";
        Files.writeString(file, line);
        CachedReply reply = new CachedReply("openai", "gpt-4o-mini", "an answer", FinishReason.STOP, new Usage(3, 4), 0.5);
        try (ReplyCache cache = ReplyCache.open(file)) {
            assertEquals(Optional.of(reply), cache.get(old));
            cache.put(key("new"), reply);
        }
        assertEquals(line, Files.readAllLines(file).getFirst() + "\n", "the old line is left as it was");
        assertEquals(line.replace(old.sha256(), key("new").sha256()), Files.readAllLines(file).get(1) + "\n",
                "a complete reply is written as before");
    }
}
