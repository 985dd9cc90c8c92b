package darwin.memory.query;

import darwin.memory.Attempt;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which attempts to show. Every criterion is optional ({@code null} or blank: any) and matched
 * whole, ignoring case; given several, an attempt must meet them all.
 *
 * @param status the stored status ({@code OK}, {@code DOES_NOT_COMPILE}, …)
 * @param tag one of the attempt's tags
 * @param agent the mutating agent
 */
public record AttemptFilter(String status, String tag, String agent) implements Predicate<Attempt> {

    /** Every attempt. */
    public static final AttemptFilter ANY = new AttemptFilter(null, null, null);

    public AttemptFilter {
        status = blankToNull(status);
        tag = blankToNull(tag);
        agent = blankToNull(agent);
    }

    @Override
    public boolean test(Attempt attempt) {
        return (status == null || status.equalsIgnoreCase(attempt.status()))
                && (tag == null || attempt.tags().stream().anyMatch(tag::equalsIgnoreCase))
                && (agent == null || agent.equalsIgnoreCase(attempt.mutator()));
    }

    /** The attempts that pass, in their order. */
    public List<Attempt> apply(List<Attempt> attempts) {
        return attempts.stream().filter(this).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
