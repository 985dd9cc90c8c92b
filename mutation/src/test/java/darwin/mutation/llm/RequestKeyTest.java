package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestKeyTest {

    private final CompletionRequest request = ProviderSettings.of("openai", "gpt-4o-mini")
            .request("agent-a", "system", "user", Deadline.after(Duration.ofSeconds(5)));

    @Test
    void theAgentAndTheDeadlineAreNotPartOfTheKey() {
        CompletionRequest other = new CompletionRequest("agent-b", "system", "user", "gpt-4o-mini", request.temperature(),
                request.maxOutputTokens(), request.jsonSchema(), Deadline.after(Duration.ofMinutes(9)));
        assertEquals(RequestKey.of(Provider.OPENAI, request), RequestKey.of(Provider.OPENAI, other));
    }

    @Test
    void whatTheServerSeesIsPartOfTheKey() {
        RequestKey key = RequestKey.of(Provider.OPENAI, request);
        assertNotEquals(key, RequestKey.of(Provider.ANTHROPIC, request));
        assertNotEquals(key, RequestKey.of(Provider.OPENAI, request.withJsonSchema("{}")));
        assertNotEquals(key, RequestKey.of(Provider.OPENAI, new CompletionRequest("agent-a", "system", "user",
                "gpt-4o-mini", 0.7, request.maxOutputTokens(), request.jsonSchema(), request.deadline())));
        assertNotEquals(key, RequestKey.of(Provider.OPENAI, new CompletionRequest("agent-a", "system", "user",
                "gpt-4o-mini", request.temperature(), 17, request.jsonSchema(), request.deadline())));
        assertNotEquals(key, RequestKey.of(Provider.OPENAI, new CompletionRequest("agent-a", "system", "user!",
                "gpt-4o-mini", request.temperature(), request.maxOutputTokens(), request.jsonSchema(), request.deadline())));
    }

    @Test
    void theRepairRoundIsPartOfTheKey() {
        RequestKey key = RequestKey.of(Provider.OPENAI, request);
        assertNotEquals(key, RequestKey.of(Provider.OPENAI, request.withRepairRound(1)));
        assertNotEquals(RequestKey.of(Provider.OPENAI, request.withRepairRound(1)),
                RequestKey.of(Provider.OPENAI, request.withRepairRound(2)));
        assertEquals(key, RequestKey.of(Provider.OPENAI, request.withRepairRound(0)));
    }

    @Test
    void aFirstRequestKeepsTheKeyItHadBeforeRoundsWereKeyed() {
        assertEquals("db6f28d984cbd537e285d1a40ea9b5fd7d74144431b736e8773677125df04b90",
                RequestKey.of(Provider.OPENAI, request).sha256(), "a cache written before still answers first requests");
    }
}
