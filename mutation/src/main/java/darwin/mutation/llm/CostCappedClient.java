package darwin.mutation.llm;

import darwin.mutation.llm.Completion.Failed;
import java.util.Locale;
import java.util.Objects;

/**
 * Books every call in the run's {@link CostLedger} and refuses new calls once the run has spent
 * its cap: such a call ends at once as {@link FailureKind#COST_CAP}, without a request.
 *
 * <p>The cap stops calls from starting; calls already under way finish and are booked, so a run
 * with several agents asking at once may end a little past its cap — by at most the cost of the
 * calls in flight when it was reached.
 */
public final class CostCappedClient implements LlmClient {

    private final LlmClient delegate;
    private final CostLedger ledger;
    private final double cap;

    /**
     * @param delegate what asks the server
     * @param ledger the run's ledger
     * @param cap US dollars the run may spend; {@link Double#POSITIVE_INFINITY} for no cap
     */
    public CostCappedClient(LlmClient delegate, CostLedger ledger, double cap) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        if (!(cap >= 0)) {
            throw new IllegalArgumentException("a cost cap must be a number of dollars, not negative, got " + cap);
        }
        this.cap = cap;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        double spent = ledger.spent();
        if (spent >= cap) {
            return Failed.before(FailureKind.COST_CAP, "the run's cost cap of " + dollars(cap) + " is reached ("
                    + dollars(spent) + " spent); no request was sent");
        }
        Completion completion = delegate.complete(request);
        ledger.record(request.agent(), completion);
        return completion;
    }

    /** The cap, in US dollars. */
    public double cap() {
        return cap;
    }

    static String dollars(double amount) {
        return amount >= 1 ? String.format(Locale.ROOT, "$%.2f", amount)
                : String.format(Locale.ROOT, "$%.4g", amount).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
