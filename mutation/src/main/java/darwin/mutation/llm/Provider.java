package darwin.mutation.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The LLM providers darwin speaks to, by the name used in configuration. */
public enum Provider {
    /** OpenAI's chat completions, and every server that speaks them (vLLM, llama.cpp, Ollama's /v1, LM Studio). */
    OPENAI("openai", List.of("OPENAI_API_KEY")),
    /** Anthropic's messages API. */
    ANTHROPIC("anthropic", List.of("ANTHROPIC_API_KEY")),
    /** Google's Gemini API (AI Studio keys). */
    GEMINI("gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")),
    /** Ollama's own chat API on a local server; no key. */
    OLLAMA("ollama", List.of());

    private final String id;
    private final List<String> keyVariables;

    Provider(String id, List<String> keyVariables) {
        this.id = id;
        this.keyVariables = keyVariables;
    }

    /** The name in configuration, e.g. {@code openai}. */
    public String id() {
        return id;
    }

    /** The environment variables that hold the key by default, in the order they are read. */
    public List<String> keyVariables() {
        return keyVariables;
    }

    /**
     * The provider configured as {@code name} (case does not matter).
     *
     * @throws IllegalArgumentException naming the known providers when there is none by that name
     */
    public static Provider named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown LLM provider '" + name + "'; known providers: "
                        + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "))));
    }
}
