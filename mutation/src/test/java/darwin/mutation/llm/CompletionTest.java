package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionTest {

    @Test
    void aCutReplyIsNotAReply() {
        assertThrows(IllegalArgumentException.class, () -> new Replied("x", Usage.NONE, 0, FinishReason.LENGTH, 1));
        assertThrows(IllegalArgumentException.class, () -> new Replied("x", Usage.NONE, -1, FinishReason.STOP, 1));
    }

    @Test
    void aFailureMessageIsOneLine() {
        Failed failed = new Failed(FailureKind.SERVER_ERROR, "first\nsecond", null, null, Usage.NONE, 0, 1);
        assertEquals("first | second", failed.message());
        assertEquals("", failed.partialText());
        assertEquals(Optional.empty(), failed.retryAfter());
        assertThrows(IllegalArgumentException.class, () -> new Failed(FailureKind.RATE_LIMITED, "m", "",
                Optional.of(Duration.ofSeconds(-1)), Usage.NONE, 0, 1));
    }

    @Test
    void requestsCheckThemselves() {
        Deadline soon = Deadline.after(Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class,
                () -> new CompletionRequest("a", "", "q", "m", 0.2, 10, Optional.of("[1, 2]"), soon));
        assertThrows(IllegalArgumentException.class,
                () -> new CompletionRequest("a", "", "q", "m", 0.2, 10, Optional.of("{not json"), soon));
        assertThrows(IllegalArgumentException.class, () -> new CompletionRequest(" ", "", "q", "m", 0.2, 10, null, soon));
        assertThrows(IllegalArgumentException.class, () -> new CompletionRequest("a", "", "", "m", 0.2, 10, null, soon));
    }
}
