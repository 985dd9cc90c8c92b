package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static final String KEY = "sk-secret-value-42";

    private static Function<String, String> env(Map<String, String> variables) {
        return variables::get;
    }

    @Test
    void anUnknownProviderNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderSettings.of("mistral", "m"));
        assertEquals("unknown LLM provider 'mistral'; known providers: openai, anthropic, gemini, ollama", e.getMessage());
        assertEquals(Provider.ANTHROPIC, Provider.named(" Anthropic "));
    }

    @Test
    void aMissingKeyNamesTheVariableToSet() {
        IllegalStateException openai = assertThrows(IllegalStateException.class,
                () -> ProviderSettings.of("openai", "gpt-4o-mini").apiKey(env(Map.of())));
        assertEquals("the openai provider needs an API key: set the environment variable OPENAI_API_KEY", openai.getMessage());

        IllegalStateException gemini = assertThrows(IllegalStateException.class,
                () -> ProviderSettings.of("gemini", "gemini-2.5-flash").apiKey(env(Map.of())));
        assertTrue(gemini.getMessage().endsWith("GEMINI_API_KEY (or GOOGLE_API_KEY)"), gemini.getMessage());

        IllegalStateException custom = assertThrows(IllegalStateException.class,
                () -> ProviderSettings.of("anthropic", "claude-sonnet-4").withApiKeyVariable("TEAM_KEY").apiKey(env(Map.of())));
        assertTrue(custom.getMessage().endsWith("set the environment variable TEAM_KEY"), custom.getMessage());

        assertThrows(IllegalStateException.class,
                () -> new ProviderClient(ProviderSettings.of("anthropic", "claude-sonnet-4"), env(Map.of()), PriceTable.examples()));
    }

    @Test
    void keysAreReadFromTheirVariablesAndNeverShown() {
        ProviderSettings anthropic = ProviderSettings.of("anthropic", "claude-sonnet-4");
        assertEquals(Optional.of(KEY), anthropic.apiKey(env(Map.of("ANTHROPIC_API_KEY", KEY))));
        assertEquals(Optional.of(KEY), ProviderSettings.of("gemini", "g").apiKey(env(Map.of("GOOGLE_API_KEY", KEY))));
        assertFalse(anthropic.toString().contains(KEY));

        IllegalArgumentException keyAsName = assertThrows(IllegalArgumentException.class,
                () -> anthropic.withApiKeyVariable(KEY));
        assertFalse(keyAsName.getMessage().contains(KEY), keyAsName.getMessage());

        ProviderClient client = new ProviderClient(anthropic, env(Map.of("ANTHROPIC_API_KEY", KEY)), PriceTable.examples());
        assertFalse(client.toString().contains(KEY));
    }

    @Test
    void localServersNeedNoKey() {
        assertEquals(Optional.empty(), ProviderSettings.of("ollama", "llama3").apiKey(env(Map.of())));
        ProviderSettings vllm = ProviderSettings.of("openai", "qwen").withBaseUrl("http://localhost:8000/v1");
        assertEquals(Optional.empty(), vllm.apiKey(env(Map.of())));
        assertTrue(vllm.local());
        assertTrue(ProviderSettings.of("openai", "q").withBaseUrl("http://127.0.0.1:8000/v1").local());
        assertTrue(ProviderSettings.of("ollama", "llama3").local());
        assertFalse(ProviderSettings.of("openai", "gpt-4o").local());
        assertFalse(ProviderSettings.of("openai", "q").withBaseUrl("https://proxy.example.com/v1").local());
    }

    @Test
    void settingsCheckThemselves() {
        ProviderSettings base = ProviderSettings.of("openai", "gpt-4o-mini");
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.of("openai", " "));
        assertThrows(IllegalArgumentException.class, () -> base.withBaseUrl("ftp://example.com"));
        assertThrows(IllegalArgumentException.class, () -> base.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> base.withMaxRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> base.withSampling(2.5, 100));
        assertThrows(IllegalArgumentException.class, () -> base.withSampling(0.2, 0));
        assertEquals(ProviderSettings.DEFAULT_READ_TIMEOUT, base.readTimeout());
    }
}
