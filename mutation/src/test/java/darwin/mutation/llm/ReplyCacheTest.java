package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void onlyCompleteRepliesAreCached() {
        assertThrows(IllegalArgumentException.class,
                () -> new CachedReply("openai", "m", "cut", FinishReason.LENGTH, Usage.NONE, 0));
        assertTrue(ReplyCache.inMemory().file().isEmpty());
    }
}
