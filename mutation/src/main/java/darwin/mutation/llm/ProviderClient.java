package darwin.mutation.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.mutation.llm.Completion.Failed;
import darwin.mutation.llm.Completion.Replied;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatResponseMetadata;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One provider through LangChain4j: each call sends exactly one request (LangChain4j's own
 * retries are off; {@link RetryingClient} retries).
 *
 * <p>Deadline: the blocking LangChain4j call runs on a virtual thread of its own, and the caller
 * waits for it no longer than the request's deadline. A server that stalls past the deadline ends
 * the call as {@link FailureKind#TIMEOUT} at the deadline; the worker is interrupted, which
 * abandons the HTTP exchange, and whatever it does afterwards is ignored. The read timeout of
 * the settings bounds one request on its own; the deadline bounds the call.
 *
 * <p>Refusals: a refusal in the API's own field is {@link FailureKind#CONTENT_FILTERED} with the
 * refusal's text in the message and the partial text — OpenAI's {@code message.refusal} (which
 * LangChain4j raises as an exception, see {@link ProviderErrors}) and Anthropic's stop reason
 * {@code refusal} (which LangChain4j reads as {@code OTHER}, so the raw response is read here);
 * content-filter finish reasons (OpenAI's {@code content_filter}, Gemini's {@code SAFETY},
 * {@code PROHIBITED_CONTENT} and the like) are too. Ollama's API has no refusal field.
 *
 * <p>Tokens are the server's counts; the cost is theirs at the {@link PriceTable}'s price of the
 * request's model. The key is never in a message: a server's error text that quotes it has it
 * replaced by {@code [redacted]}.
 *
 * <p>Requests carry the model, temperature, output token limit and, when given, the JSON schema
 * (as LangChain4j's raw schema, which every provider here sends as structured output). To OpenAI
 * itself the limit goes as {@code max_completion_tokens}, which its newer models require; to
 * OpenAI-compatible servers at a base URL as {@code max_tokens}, which they all read.
 */
public final class ProviderClient implements LlmClient {

    /** The name under which the JSON schema is sent, where an API wants one. */
    public static final String SCHEMA_NAME = "darwin_reply";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;
    private final ChatModel model;
    private final PriceTable prices;
    private final Optional<String> apiKey;

    /**
     * A client of the provider in {@code settings}.
     *
     * @param settings the provider
     * @param environment where the key is read: a variable's name to its value or {@code null}
     *     ({@code System::getenv} in production)
     * @param prices what tokens cost
     * @throws IllegalStateException when a needed key is missing, naming the variable to set
     */
    public ProviderClient(ProviderSettings settings, Function<String, String> environment, PriceTable prices) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.apiKey = settings.apiKey(environment);
        this.model = ChatModels.build(settings, apiKey);
    }

    /** The provider's settings. */
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        try {
            return send(request);
        } catch (RuntimeException e) {
            return redact(Failed.before(FailureKind.UNEXPECTED, "the request could not be sent: " + e));
        }
    }

    private Completion send(CompletionRequest request) {
        Duration left = request.deadline().remaining();
        if (left.isZero()) {
            return Failed.before(FailureKind.TIMEOUT, "the call's deadline passed before the request was sent");
        }
        ChatRequest chatRequest = chatRequest(request);
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("llm-" + settings.provider().id()).unstarted(() -> {
            try {
                result.complete(model.chat(chatRequest));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        worker.start();
        try {
            return completion(result.get(left.toNanos(), TimeUnit.NANOSECONDS), request);
        } catch (TimeoutException e) {
            worker.interrupt();
            return Failed.ofAttempt(FailureKind.TIMEOUT, String.format(Locale.ROOT,
                    "no reply by the call's deadline (%.1f s after the request was sent); the request was abandoned",
                    left.toMillis() / 1000.0), Optional.empty());
        } catch (ExecutionException e) {
            return redact(ProviderErrors.classify(e.getCause(), Instant.now()));
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            return Failed.ofAttempt(FailureKind.INTERRUPTED, "interrupted while waiting for the server", Optional.empty());
        }
    }

    private ChatRequest chatRequest(CompletionRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!request.systemMessage().isBlank()) {
            messages.add(SystemMessage.from(request.systemMessage()));
        }
        messages.add(UserMessage.from(request.userMessage()));
        ResponseFormat format = request.jsonSchema()
                .map(schema -> ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name(SCHEMA_NAME).rootElement(JsonRawSchema.from(schema)).build())
                        .build())
                .orElse(null);
        ChatRequestParameters parameters;
        if (settings.provider() == Provider.OPENAI && settings.baseUrl().isEmpty()) {
            parameters = OpenAiChatRequestParameters.builder()
                    .modelName(request.model())
                    .temperature(request.temperature())
                    .maxCompletionTokens(request.maxOutputTokens())
                    .responseFormat(format)
                    .build();
        } else {
            parameters = ChatRequestParameters.builder()
                    .modelName(request.model())
                    .temperature(request.temperature())
                    .maxOutputTokens(request.maxOutputTokens())
                    .responseFormat(format)
                    .build();
        }
        return ChatRequest.builder().messages(messages).parameters(parameters).build();
    }

    private Completion completion(ChatResponse response, CompletionRequest request) {
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
        TokenUsage tokens = response.tokenUsage();
        Usage usage = tokens == null ? Usage.NONE
                : new Usage(count(tokens.inputTokenCount()), count(tokens.outputTokenCount()));
        double cost = prices.price(request.model(), settings.local()).cost(usage);
        if (refusedByAnthropic(response)) {
            return ProviderErrors.refusal(text).withSpending(usage, cost, 1);
        }
        FinishReason reason = finishReason(response.finishReason());
        return switch (reason) {
            case LENGTH -> new Failed(FailureKind.TRUNCATED, "the reply reached the limit of " + request.maxOutputTokens()
                    + " output tokens and was cut off", text, Optional.empty(), usage, cost, 1);
            case CONTENT_FILTER -> new Failed(FailureKind.CONTENT_FILTERED, "the server's content filter stopped the reply",
                    text, Optional.empty(), usage, cost, 1);
            case STOP, TOOL_CALLS, OTHER -> new Replied(text, usage, cost, reason, 1);
        };
    }

    private static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            case OTHER -> FinishReason.OTHER;
        };
    }

    /**
     * Whether Anthropic's stop reason is {@code refusal}, which LangChain4j 1.18 reads as
     * {@code OTHER}: read from the raw response that its metadata keeps.
     */
    private static boolean refusedByAnthropic(ChatResponse response) {
        if (!(response.metadata() instanceof AnthropicChatResponseMetadata metadata) || metadata.rawHttpResponse() == null) {
            return false;
        }
        try {
            return "refusal".equals(JSON.readTree(metadata.rawHttpResponse().body()).path("stop_reason").asText());
        } catch (JacksonException e) {
            return false;
        }
    }

    private static long count(Integer tokens) {
        return tokens == null || tokens < 0 ? 0 : tokens;
    }

    private Failed redact(Failed failed) {
        if (apiKey.isEmpty() || !failed.message().contains(apiKey.get())) {
            return failed;
        }
        return new Failed(failed.kind(), failed.message().replace(apiKey.get(), "[redacted]"), failed.partialText(),
                failed.retryAfter(), failed.usage(), failed.cost(), failed.attempts());
    }

    @Override
    public String toString() {
        return "ProviderClient[" + settings.describe() + "]";
    }
}
