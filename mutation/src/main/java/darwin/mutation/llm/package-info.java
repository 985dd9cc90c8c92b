/**
 * LLM providers for the mutation step: one port, {@link darwin.mutation.llm.LlmClient}, that turns
 * a {@link darwin.mutation.llm.CompletionRequest} into a {@link darwin.mutation.llm.Completion} —
 * a reply or a failure of a closed {@link darwin.mutation.llm.FailureKind kind} — and never throws.
 *
 * <p>A client is a stack of decorators, assembled by {@link darwin.mutation.llm.LlmClients}, from
 * the outside in:
 *
 * <ol>
 *   <li>{@link darwin.mutation.llm.CachedClient} — a request asked before (same provider, model,
 *       messages, temperature, token limit and schema) is answered from the
 *       {@link darwin.mutation.llm.ReplyCache} and costs nothing, even past the cost cap;
 *   <li>{@link darwin.mutation.llm.CostCappedClient} — once the run has spent its cap, a call ends as
 *       {@code COST_CAP} without a request; otherwise the call's tokens and cost go to the
 *       {@link darwin.mutation.llm.CostLedger};
 *   <li>{@link darwin.mutation.llm.RetryingClient} — retries what may pass (rate limits, server
 *       errors, broken connections, timeouts of one attempt, a proxy's page or an empty body in
 *       place of the API's JSON) with exponential backoff and jitter,
 *       or after the wait the server asked for ({@code Retry-After}), never past the call's
 *       {@link darwin.mutation.llm.Deadline};
 *   <li>{@link darwin.mutation.llm.ProviderClient} — one request to one provider through
 *       LangChain4j (OpenAI and compatible servers, Anthropic, Gemini, Ollama), run on a worker
 *       thread so that a stalled server cannot hold the caller past the deadline.
 * </ol>
 *
 * <p>Providers are configured by {@link darwin.mutation.llm.ProviderSettings}; API keys are read
 * from environment variables named there and never appear in a message, a log or a file. Prices
 * come from a {@link darwin.mutation.llm.PriceTable}.
 */
package darwin.mutation.llm;
