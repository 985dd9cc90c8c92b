package darwin.mutation.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.util.Optional;

/**
 * Builds the LangChain4j chat model of a provider, configured the way darwin needs it:
 *
 * <ul>
 *   <li>through {@link HeaderKeepingHttpClient}, with the settings' connect and read timeouts, which
 *       the models' own defaults (15 s to connect, 60 s to read) cannot replace, and no model-level
 *       {@code timeout}, which would set both to one value;
 *   <li>with LangChain4j's own retries off ({@code maxRetries(0)}): {@link RetryingClient} retries,
 *       with a deadline, backoff and {@code Retry-After} that LangChain4j's loop does not honour;
 *   <li>with request and response logging off, so that no prompt or key reaches a log.
 * </ul>
 *
 * <p>Model name, temperature, token limit and schema are set per request, not here.
 */
final class ChatModels {

    private ChatModels() {
    }

    /** The chat model for {@code settings}, sending {@code apiKey} where the provider takes one. */
    static ChatModel build(ProviderSettings settings, Optional<String> apiKey) {
        HeaderKeepingHttpClient.Builder http = HeaderKeepingHttpClient.builder(settings.connectTimeout(),
                settings.readTimeout());
        String baseUrl = settings.baseUrl().map(URI::toString).orElse(null);
        String key = apiKey.orElse(null);
        return switch (settings.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(baseUrl)
                    .apiKey(key)
                    .modelName(settings.model())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(baseUrl)
                    .apiKey(key)
                    .modelName(settings.model())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case GEMINI -> GoogleAiGeminiChatModel.builder()
                    .maxRetries(0)
                    .httpClientBuilder(http)
                    .baseUrl(baseUrl)
                    .apiKey(key)
                    .modelName(settings.model())
                    .logRequestsAndResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .maxRetries(0)
                    .httpClientBuilder(http)
                    .baseUrl(baseUrl == null ? "http://localhost:11434" : baseUrl)
                    .modelName(settings.model())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }
}
