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
 *       messages, temperature, token limit, schema and, from the first repair round on, the round) is answered from the
 *       {@link darwin.mutation.llm.ReplyCache} and costs nothing, even past the cost cap;
 *   <li>{@link darwin.mutation.llm.CostCappedClient} — once the run has spent its cap, a call ends as
 *       {@code COST_CAP} without a request; otherwise the call's tokens and cost go to the
 *       {@link darwin.mutation.llm.CostLedger};
 *   <li>{@link darwin.mutation.llm.CircuitBreaker} (in runs) — rides out an outage of the
 *       endpoint: holds every call while the endpoint is down, checks it with backoff, and sends
 *       the held calls again once it answers; past the outage limit it stops the run (resumably);
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
 *
 * <h2>LLM providers in detail</h2>
 *
 * <p>{@code darwin.mutation.llm} (module {@code mutation}) asks LLMs for replies through one port,
 * {@code LlmClient}: {@code complete(CompletionRequest)} returns a {@code Completion},
 * {@code Replied} or {@code Failed} with a {@code FailureKind} ({@code TIMEOUT},
 * {@code RATE_LIMITED}, {@code SERVER_ERROR}, {@code CONNECTION}, {@code NOT_JSON},
 * {@code BAD_REQUEST}, {@code AUTHENTICATION}, {@code NOT_FOUND}, {@code TRUNCATED},
 * {@code CONTENT_FILTERED}, {@code MALFORMED_RESPONSE}, {@code COST_CAP}, {@code INTERRUPTED},
 * {@code UNEXPECTED}), and never throws. Both carry tokens, US dollars and requests sent.
 * {@code LlmClients} assembles a stack, outside in:
 *
 * <ul>
 *   <li>{@code CachedClient}: a request seen before (SHA-256 of provider, model, messages,
 *       temperature, token limit, schema and, from the first repair round on, the round) is
 *       answered from the {@code ReplyCache} — Caffeine in memory over an append-only JSON-lines
 *       file, each line forced to disk, a torn last line skipped and cut off on load — and costs
 *       nothing, even past the cap. Complete replies are cached, and so are replies cut off at the
 *       output token limit: they are the dearest failure (every allowed output token is paid for)
 *       and the proposal goes on from them, so a resumed run that asked again would buy one twice.
 *       A cut-off reply is replayed as what it was, a {@code Failed} of kind {@code TRUNCATED} with
 *       its partial text and its original message, spending nothing. Its line adds
 *       {@code "message"} to the others' fields; a complete reply's line, and the key of a first
 *       request, are as they were before, so an older cache file still answers (an older darwin
 *       skips a cut-off reply's line with a warning). Other failures are not cached: they are asked
 *       again.
 *   <li>{@code CostCappedClient}: books each call in the run's {@code CostLedger} (per agent and
 *       per run); once the run has spent its cap, a call is {@code COST_CAP} without a request.
 *   <li>{@code CircuitBreaker} (for runs; {@code LlmClients.Builder.outages}): rides out an outage
 *       of the endpoint. A call that failed after its retries for a reason that may be the
 *       endpoint's ({@code CONNECTION}, {@code SERVER_ERROR}, {@code NOT_JSON}, {@code TIMEOUT})
 *       makes it check the endpoint at once; when the check finds it down too, the breaker opens:
 *       that call and every new one wait, one waiting caller checks with backoff (2 s doubling to
 *       60 s), and the first check answered closes it and the held calls are sent again, each with
 *       a fresh deadline of its first length. A failure with the endpoint answering is the call's
 *       own and is returned. Past {@code llm.outage-limit} the breaker stops: calls throw
 *       {@code MutatorUnavailableException} (core), which {@code Evolution} lets through without
 *       recording the proposal, and {@code darwin run} exits 75 (resumable). It sits inside the
 *       cost cap, so a call held through an outage is booked once, and outside the retries, so a
 *       retried call is one failure to it. An {@code OutageListener} hears pauses, resumptions and
 *       the stop ({@code OutageLog} in {@code runs}: the progress line, the status line and
 *       {@code LLM_OUTAGE} ledger events, which {@code darwin status} reads).
 *   <li>{@code RetryingClient}: retries what may pass, waiting what {@code Retry-After} says
 *       (seconds or HTTP date) or an exponential backoff with jitter from one seeded
 *       {@code RandomGenerator}; a wait that would pass the call's {@code Deadline} is not begun.
 *       It waits through a {@code Sleeper} (core; {@code Thread.sleep} in a run), so its tests
 *       count the waits instead of spending them.
 *   <li>{@code ProviderClient}: one request through LangChain4j 1.18 ({@code openai} and compatible
 *       servers by base URL, {@code anthropic}, {@code gemini}, {@code ollama}), LangChain4j's
 *       retries off, run on a virtual thread that the caller waits for no longer than the deadline:
 *       a stalled server cannot wedge a run.
 * </ul>
 *
 * <p>{@code EndpointProbe} checks an endpoint for the preflight of {@code run} and {@code resume}
 * and for the breaker: its model listing through LangChain4j's model catalogs ({@code /models} of
 * OpenAI and Anthropic, Gemini's {@code models}, Ollama's {@code /api/tags}; no tokens), where the
 * model counts as listed with Gemini's {@code models/} prefix and Ollama's {@code :latest} tag
 * implied; when the listing does not name the model (an alias, a compatible server's own names) or
 * there is none (404, 405, 501, a body that is not a listing), a one-line completion of at most 16
 * tokens decides, booked under the agent {@code endpoint-check} (the run's summary counts it; the
 * ledger's proposals do not). The breaker asks {@code reachable()} instead, the listing alone,
 * where any answer but a server error counts: an hour of checks through an outage costs no tokens.
 * It answers {@code Answering}, {@code Down} (no connection, a 5xx, no answer in time) or
 * {@code Misconfigured} (a refused key, naming its variable; a model not found, naming what the
 * listing offers), and never throws.
 *
 * <p>LangChain4j's exceptions carry the HTTP status (its {@code HttpException} is the cause of
 * {@code RateLimitException} and the like) but not the headers, so every model is given
 * {@code HeaderKeepingHttpClient}, an implementation of LangChain4j's HTTP client port on the JDK's
 * client whose errors ({@code HttpStatusException}) keep them. It also fixes the connect and read
 * timeouts of {@code ProviderSettings} (LangChain4j's OpenAI builder would write its 15 s / 60 s
 * defaults over them) and speaks HTTP/1.1 to {@code http://} servers, which vLLM and LM Studio
 * need. Keys are read from the environment variable {@code ProviderSettings} names
 * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}/{@code GOOGLE_API_KEY}
 * by default), never stored in settings, and replaced by {@code [redacted]} in any error text that
 * quotes them. Prices come from a {@code PriceTable} (its defaults are examples); a model without
 * an entry is free on Ollama or a loopback server and priced as the dearest example elsewhere.
 *
 * <p>What a response means, beyond its status:
 *
 * <ul>
 *   <li><b>Bodies that are not JSON.</b> An error status is classified by its status whatever its
 *       body; when the body is not JSON (a gateway's HTML page) the message names the content type
 *       and quotes the body's start
 *       ({@code HTTP 502 from the server with a text/html body, not JSON: <html> <head><title>502 Bad Gateway…}).
 *       A successful status whose body is not a JSON object or array — a proxy's HTML page sent
 *       with 200, an empty body — is {@code NOT_JSON} ({@code HeaderKeepingHttpClient} raises
 *       {@code NotJsonException} before LangChain4j reads it), retried like a server error. JSON
 *       that is not the API's shape stays {@code MALFORMED_RESPONSE}, not retried: sending the same
 *       request again would get it again.
 *   <li><b>Refusals.</b> A refusal in the API's own field is {@code CONTENT_FILTERED}, not retried,
 *       with the refusal's words in the message (one line) and the partial text: OpenAI's
 *       {@code message.refusal} (LangChain4j 1.18 raises {@code ContentFilteredException}, whose
 *       tokens are lost with it) and Anthropic's stop reason {@code refusal} (which LangChain4j
 *       reads as {@code OTHER}, so {@code ProviderClient} reads the raw response). Content-filter
 *       stops are too: OpenAI's {@code content_filter}, Gemini's {@code SAFETY},
 *       {@code PROHIBITED_CONTENT}, {@code BLOCKLIST}, {@code SPII}, {@code RECITATION} and the
 *       others LangChain4j reads as a content filter. Ollama's API has no refusal field; its models
 *       refuse in plain text, which the reply parser reads (above).
 *   <li><b>Text as sent.</b> The reply's text is handed on whole (a megabyte comes back whole, with
 *       its usage) and unaltered: control characters and escape sequences included. Making text
 *       safe for a terminal is the business of whoever prints it.
 * </ul>
 *
 * <p>{@code LlmClientContract} holds every case — a good reply with its usage and cost, the schema,
 * the key, a malformed body, rate limits, server errors, deadlines, read timeouts, truncation, a
 * refused key, the cost cap, the cache, and the real and faulty replies above (a duplicate key, an
 * oversized reply, control characters, refusals, HTML with 200 and 502, an empty body) — against
 * real HTTP servers on the loopback address, and every provider runs it: {@code OpenAiClientTest},
 * {@code AnthropicClientTest}, {@code GeminiClientTest} ({@code generateContent}:
 * {@code candidates}, {@code finishReason}, {@code usageMetadata}) and {@code OllamaClientTest}
 * ({@code /api/chat}: {@code message}, {@code done_reason}, {@code prompt_eval_count},
 * {@code eval_count}). A case that cannot hold for a provider says why through its test, never by
 * being left out: Ollama takes no key (the contract then checks that no header carries one) and has
 * no refusal field (the refusal-field case is skipped with that reason, and the plain-text refusal
 * case covers it).
 */
package darwin.mutation.llm;
