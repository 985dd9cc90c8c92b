package darwin.mutation.llm;

import dev.langchain4j.model.anthropic.AnthropicModelCatalog;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.googleai.GoogleAiGeminiModelCatalog;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The models an endpoint offers, from its listing (OpenAI's and Anthropic's {@code /models},
 * Gemini's {@code models}, Ollama's {@code /api/tags}), through LangChain4j's model catalogs: a
 * request that costs no tokens, answered in milliseconds by a live server.
 */
final class ModelListing {

    private ModelListing() {
    }

    /**
     * The names of the models the endpoint of {@code settings} offers.
     *
     * @throws RuntimeException as LangChain4j raises it: read it with {@link ProviderErrors}
     */
    static List<String> names(ProviderSettings settings, Optional<String> apiKey, Duration timeout) {
        Duration connect = settings.connectTimeout().compareTo(timeout) < 0 ? settings.connectTimeout() : timeout;
        HeaderKeepingHttpClient.Builder http = HeaderKeepingHttpClient.builder(connect, timeout);
        String baseUrl = settings.baseUrl().map(URI::toString).orElse(null);
        String key = apiKey.orElse(null);
        return switch (settings.provider()) {
            case OPENAI -> described(OpenAiModelCatalog.builder().httpClientBuilder(http).baseUrl(baseUrl).apiKey(key)
                    .logRequests(false).logResponses(false).build().listModels());
            case ANTHROPIC -> described(AnthropicModelCatalog.builder().httpClientBuilder(http).baseUrl(baseUrl).apiKey(key)
                    .logRequests(false).logResponses(false).build().listModels());
            case GEMINI -> described(GoogleAiGeminiModelCatalog.builder().httpClientBuilder(http).baseUrl(baseUrl)
                    .apiKey(key).logRequestsAndResponses(false).build().listModels());
            case OLLAMA -> OllamaModels.builder().httpClientBuilder(http)
                    .baseUrl(baseUrl == null ? "http://localhost:11434" : baseUrl).maxRetries(0)
                    .logRequests(false).logResponses(false).build().availableModels().content().stream()
                    .map(OllamaModel::getName).toList();
        };
    }

    /**
     * Whether {@code names} holds {@code model}: the same name, case aside, with Gemini's
     * {@code models/} prefix and Ollama's {@code :latest} tag taken as implied.
     */
    static boolean offers(List<String> names, String model) {
        String wanted = bare(model);
        return names.stream().map(ModelListing::bare).anyMatch(name -> name.equals(wanted));
    }

    private static String bare(String name) {
        String bare = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith("models/")) {
            bare = bare.substring("models/".length());
        }
        return bare.endsWith(":latest") ? bare.substring(0, bare.length() - ":latest".length()) : bare;
    }

    private static List<String> described(List<ModelDescription> models) {
        return models.stream().map(ModelDescription::name).toList();
    }
}
