package darwin.runs;

import darwin.core.text.Durations;
import darwin.memory.ledger.EndpointPaused;
import darwin.memory.ledger.EndpointResumed;
import darwin.memory.ledger.EndpointStopped;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LlmOutage;
import darwin.mutation.llm.OutageListener;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tells people and the ledger about outages of the LLM endpoint: a line in the run's progress
 * (and its status line while proposals are paused) and an {@link LlmOutage} event in the ledger
 * ({@code paused}, {@code resumed}, {@code stopped}), which {@code darwin status} reads.
 */
final class OutageLog implements OutageListener {

    private final RunProgress progress;
    private final Supplier<Ledger> ledger;

    /** @param ledger the run's ledger, once the loop has opened it (outages only happen while it runs) */
    OutageLog(RunProgress progress, Supplier<Ledger> ledger) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public void paused(String reason, Duration limit) {
        progress.paused(true);
        progress.say("the LLM endpoint is not answering (%s): new proposals are paused, training goes on; checking it"
                + " with backoff for up to %s", reason, Durations.words(limit));
        append(new EndpointPaused(reason, limit.toSeconds()));
    }

    @Override
    public void resumed(Duration outage) {
        progress.paused(false);
        progress.say("the LLM endpoint answers again after %s: the proposals held are sent again",
                Durations.words(outage));
        append(new EndpointResumed(outage.toSeconds()));
    }

    @Override
    public void stopped(Duration outage, String reason) {
        progress.say("the LLM endpoint has not answered for %s (%s): the run stops; no agent is charged",
                Durations.words(outage), reason);
        append(new EndpointStopped(reason, outage.toSeconds()));
    }

    private void append(LlmOutage event) {
        Ledger open = ledger.get();
        if (open != null) {
            open.append(event);
        }
    }
}
