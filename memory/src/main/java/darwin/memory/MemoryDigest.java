package darwin.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an agent's prompt says of its memory: one line per lesson, most informative first, with
 * no two lines about the same change.
 *
 * <p>Order: the agent's measured attempts by the size of their effect on perplexity (a large
 * regression teaches as much as a large gain), then its attempts that failed, with why, then what
 * other agents did to its own variants. Of several attempts with the same summary and outcome only
 * the latest is kept.
 */
public final class MemoryDigest {

    private MemoryDigest() {}

    public static List<String> of(AgentMemory memory, int maxLines) {
        List<Attempt> mine = new ArrayList<>();
        List<Attempt> others = new ArrayList<>();
        for (Attempt attempt : memory.attempts()) {
            (attempt.mutator().equals(memory.agent()) ? mine : others).add(attempt);
        }
        List<Attempt> measured = latestOfEach(mine.stream().filter(a -> !Double.isNaN(a.perplexityChange())).toList());
        measured.sort(Comparator.comparingDouble((Attempt a) -> -Math.abs(a.perplexityChange())));
        List<Attempt> failed = latestOfEach(mine.stream().filter(a -> Double.isNaN(a.perplexityChange())).toList());
        failed.sort(Comparator.comparingInt(Attempt::generation).reversed());
        List<Attempt> received = latestOfEach(others);
        received.sort(Comparator.comparingInt(Attempt::generation).reversed());

        List<String> lines = new ArrayList<>();
        measured.forEach(a -> lines.add(measuredLine(a)));
        failed.forEach(a -> lines.add(String.format(Locale.ROOT, "gen %d, on %s's variant: %s%s → %s: %s",
                a.generation(), a.owner(), a.summary(), tags(a), a.status(), a.reason())));
        received.forEach(a -> lines.add(String.format(Locale.ROOT, "gen %d, %s changed your variant: %s%s → %s",
                a.generation(), a.mutator(), a.summary(), tags(a), outcome(a))));
        return lines.size() > maxLines ? List.copyOf(lines.subList(0, maxLines)) : List.copyOf(lines);
    }

    private static String measuredLine(Attempt a) {
        return String.format(Locale.ROOT, "gen %d, on %s's variant: %s%s → %s", a.generation(), a.owner(), a.summary(),
                tags(a), outcome(a));
    }

    private static String outcome(Attempt a) {
        if (Double.isNaN(a.perplexityChange())) {
            return a.status() + (a.reason().isEmpty() ? "" : ": " + a.reason());
        }
        return String.format(Locale.ROOT, "perplexity %.3f → %.3f (%+.1f%%), MFU %.1f%% → %.1f%%",
                a.before().perplexity(), a.after().perplexity(), 100 * a.perplexityChange(),
                100 * a.before().mfu(), 100 * a.after().mfu());
    }

    private static String tags(Attempt a) {
        return a.tags().isEmpty() ? "" : " [" + String.join(", ", a.tags()) + "]";
    }

    /** Of attempts with the same summary and status, the latest. */
    private static List<Attempt> latestOfEach(List<Attempt> attempts) {
        Map<String, Attempt> latest = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            latest.put(attempt.summary() + "\u0000" + attempt.status(), attempt);
        }
        return new ArrayList<>(latest.values());
    }
}
